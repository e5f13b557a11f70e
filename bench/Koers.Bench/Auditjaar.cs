using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Koers.Bench;

/// <summary>
/// A year of national audit (genereer --auditjaar N): N rows of klantregisseurs reading and changing the cases of their
/// own municipality, spread evenly over the twelve months before the peildatum, in time order (ids rise with the time,
/// as in production), by binary COPY with a progress bar. The rows are sealed as Koers seals them: position, previous
/// hash and SHA-256 of the canonical content (a copy of Koers.Web AuditKeten.Bereken, which the bench does not
/// reference), so the running Koers finds a chained log, as it would in production, and does not spend the run sealing.
/// Monthly partitions for that year are made before any row is written (as Koers's AuditOnderhoud would have, month by
/// month), so every row lands in its own month and none in the default partition.
/// </summary>
public static class Auditjaar
{
    private const string Begin = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The partitions of the year before <paramref name="vandaag"/> up to three months ahead (PostgreSQL, idempotent).</summary>
    public static async Task MaakPartitiesAsync(NpgsqlConnection conn, DateOnly vandaag)
    {
        var eerste = new DateOnly(vandaag.Year, vandaag.Month, 1).AddMonths(-12);
        await using (var cmd = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS audit_default PARTITION OF audit DEFAULT", conn)) await cmd.ExecuteNonQueryAsync();
        for (var m = eerste; m <= eerste.AddMonths(15); m = m.AddMonths(1))
        {
            var sql = $"CREATE TABLE IF NOT EXISTS audit_p{m:yyyyMM} PARTITION OF audit FOR VALUES FROM ('{m:yyyy-MM-dd} 00:00:00+00') TO ('{m.AddMonths(1):yyyy-MM-dd} 00:00:00+00')";
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    public static async Task SchrijfAsync(NpgsqlConnection conn, DateOnly vandaag, int aantal, Random r)
    {
        var tijd = Stopwatch.StartNew();
        Console.WriteLine($"  auditjaar: {aantal:N0} auditregels over 12 maanden …");
        var regio = new Dictionary<int, int>();
        await using (var cmd = new NpgsqlCommand("""SELECT "Id", "RegioId" FROM gemeente""", conn))
        await using (var lezer = await cmd.ExecuteReaderAsync())
        {
            while (await lezer.ReadAsync()) regio[lezer.GetInt32(0)] = lezer.GetInt32(1);
        }

        var regisseurs = new Dictionary<int, List<string>>();
        await using (var cmd = new NpgsqlCommand("""SELECT "Email", "GemeenteId" FROM medewerker WHERE "GemeenteId" IS NOT NULL""", conn))
        await using (var lezer = await cmd.ExecuteReaderAsync())
        {
            while (await lezer.ReadAsync())
            {
                var g = lezer.GetInt32(1);
                if (!regisseurs.TryGetValue(g, out var l)) regisseurs[g] = l = [];
                l.Add(lezer.GetString(0));
            }
        }

        var dossiers = new List<(Guid Id, int Gemeente)>();
        await using (var cmd = new NpgsqlCommand("""SELECT "Id", "GemeenteId" FROM inburgeraar ORDER BY "Id" """, conn))
        await using (var lezer = await cmd.ExecuteReaderAsync())
        {
            while (await lezer.ReadAsync()) dossiers.Add((lezer.GetGuid(0), lezer.GetInt32(1)));
        }

        long id, positie;
        await using (var cmd = new NpgsqlCommand("""SELECT COALESCE(max("Id"), 0), COALESCE(max("Volgnummer"), 0) FROM audit""", conn))
        await using (var lezer = await cmd.ExecuteReaderAsync())
        {
            await lezer.ReadAsync();
            id = lezer.GetInt64(0);
            positie = lezer.GetInt64(1);
        }

        var vorige = Begin;
        if (positie > 0)
        {
            await using var cmd = new NpgsqlCommand("""SELECT "Hash" FROM audit WHERE "Volgnummer" = @p""", conn);
            cmd.Parameters.AddWithValue("p", positie);
            vorige = (string)(await cmd.ExecuteScalarAsync())!;
        }

        var start = new DateTime(vandaag.Year, vandaag.Month, vandaag.Day, 0, 0, 0, DateTimeKind.Utc).AddYears(-1);
        var stap = TimeSpan.FromDays(365).Ticks / aantal;
        await using var copy = await conn.BeginBinaryImportAsync(
            """COPY audit ("Id", "Op", "Gebruiker", "Actie", "InburgeraarId", "Omschrijving", "Rol", "Organisatie", "RegioId", "Doel", "Resultaat", "Volgnummer", "VorigeHash", "Hash") FROM STDIN (FORMAT BINARY)""");
        var voortgang = Stopwatch.StartNew();
        for (var i = 0; i < aantal; i++)
        {
            var (dossier, gemeente) = dossiers[r.Next(dossiers.Count)];
            var wie = regisseurs.TryGetValue(gemeente, out var l) ? l[r.Next(l.Count)] : "kr1.onbekend@bench.example";
            // Whole seconds: the database keeps microseconds, the hash reads the time to the tick.
            var op = new DateTime(start.Ticks + i * stap, DateTimeKind.Utc);
            op = op.AddTicks(-(op.Ticks % TimeSpan.TicksPerSecond));
            var wijzigt = r.Next(10) == 0;
            var rij = new Rij(++id, op, wie, wijzigt ? "Wijzigen" : "Inzien", dossier,
                wijzigt ? "Dossier gewijzigd (auditjaar)" : "Dossier ingezien (auditjaar)", "Klantregisseur", "Gemeente", regio.GetValueOrDefault(gemeente), "dossierbehandeling", ++positie, vorige);
            vorige = Bereken(rij);
            await copy.StartRowAsync();
            await copy.WriteAsync(rij.Id, NpgsqlDbType.Bigint);
            await copy.WriteAsync(rij.Op, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(rij.Gebruiker, NpgsqlDbType.Varchar);
            await copy.WriteAsync(rij.Actie, NpgsqlDbType.Varchar);
            await copy.WriteAsync(rij.Dossier, NpgsqlDbType.Uuid);
            await copy.WriteAsync(rij.Omschrijving, NpgsqlDbType.Varchar);
            await copy.WriteAsync(rij.Rol, NpgsqlDbType.Varchar);
            await copy.WriteAsync(rij.Organisatie, NpgsqlDbType.Varchar);
            await copy.WriteAsync(rij.Regio, NpgsqlDbType.Integer);
            await copy.WriteAsync(rij.Doel, NpgsqlDbType.Varchar);
            await copy.WriteAsync("Toegestaan", NpgsqlDbType.Varchar);
            await copy.WriteAsync(rij.Volgnummer, NpgsqlDbType.Bigint);
            await copy.WriteAsync(rij.VorigeHash, NpgsqlDbType.Varchar);
            await copy.WriteAsync(vorige, NpgsqlDbType.Varchar);
            if ((i + 1) % 500_000 == 0 || i + 1 == aantal)
            {
                Console.WriteLine($"  auditjaar [{(double)(i + 1) / aantal,4:P0}] {i + 1:N0}/{aantal:N0} regels  {(i + 1) / Math.Max(0.001, voortgang.Elapsed.TotalSeconds):N0}/s");
            }
        }

        await copy.CompleteAsync();
        // The connection stays in COPY state until the importer is closed.
        await copy.DisposeAsync();
        await using (var cmd = new NpgsqlCommand("""SELECT setval(pg_get_serial_sequence('audit', 'Id'), (SELECT max("Id") FROM audit))""", conn)) await cmd.ExecuteNonQueryAsync();
        Console.WriteLine($"  auditjaar: {aantal:N0} regels in {tijd.Elapsed.TotalSeconds:F1} s");
    }

    private sealed record Rij(long Id, DateTime Op, string Gebruiker, string Actie, Guid Dossier, string Omschrijving, string Rol, string Organisatie,
        int Regio, string Doel, long Volgnummer, string VorigeHash);

    /// <summary>Koers.Web AuditKeten.Bereken for the columns these rows fill (no IP address, no object).</summary>
    private static string Bereken(Rij r)
    {
        var sb = new StringBuilder("koers-audit-v1");
        void Veld(string? waarde)
        {
            if (waarde is null) sb.Append("|-");
            else sb.Append('|').Append(waarde.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(waarde);
        }

        Veld(r.Volgnummer.ToString(CultureInfo.InvariantCulture));
        Veld(r.Id.ToString(CultureInfo.InvariantCulture));
        Veld(r.Op.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        Veld(r.Gebruiker);
        Veld(r.Rol);
        Veld(r.Organisatie);
        Veld(r.Regio.ToString(CultureInfo.InvariantCulture));
        Veld(null);
        Veld(r.Actie);
        Veld("Toegestaan");
        Veld(r.Doel);
        Veld(r.Dossier.ToString("D"));
        Veld(r.Omschrijving);
        Veld(r.VorigeHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
