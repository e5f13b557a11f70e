using System.Data.Common;
using System.Globalization;
using Koers.Data.Model;
using Koers.Data.Model.Duo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Koers.Data.Versleuteling;

/// <summary>What <see cref="BsnOpslag.BijwerkenAsync"/> rewrote, per table ("inburgeraar" → rows).</summary>
public sealed record BsnOpslagRapport(IReadOnlyDictionary<string, int> HerschrevenPerTabel)
{
    public int Herschreven => HerschrevenPerTabel.Values.Sum();
}

/// <summary>
/// The stored state of the protected columns, brought in line with the configured keys. Run at every start, before
/// Koers serves anything:
/// - always: a value still in clear text (a database from before encryption, a bulk load, an older instance during a
///   rolling update) is encrypted with the active key; a missing, superfluous or unknown-key blind index is remade;
///   and a ciphertext whose key is not configured stops the start with a message naming the table and key id
///   (removing a key too early is found here, not on some page later);
/// - with <c>herversleutelen</c> (Koers:Bsn:Herversleutel=true, for a key rotation): also every value under an older
///   key and every index under an older index key is rewritten with the active keys. Afterwards the old keys can go.
/// Works with raw SQL on the mapped tables (the converter would hide whether a value is encrypted, and with which key),
/// in batches of <see cref="Blok"/> rows per transaction in primary-key order, so it is idempotent and can be
/// interrupted and run again. It reads clear values only in memory and never logs them.
/// </summary>
public static class BsnOpslag
{
    public const int Blok = 500;

    /// <summary>The blind index column of a protected number, by entity and property.</summary>
    private static readonly Dictionary<(Type, string), (string Index, Nummersoort Soort)> IndexVan = new()
    {
        [(typeof(Inburgeraar), nameof(Inburgeraar.Bsn))] = (nameof(Inburgeraar.BsnIndex), Nummersoort.Bsn),
        [(typeof(Inburgeraar), nameof(Inburgeraar.VNummer))] = (nameof(Inburgeraar.VNummerIndex), Nummersoort.VNummer),
    };

    private sealed record Kolom(string Naam, string Eigenschap, string? Index, Nummersoort Soort);

    private sealed record Tabel(string Naam, string Sleutel, IReadOnlyList<Kolom> Kolommen, bool Persoonssleutel);

    public static async Task<BsnOpslagRapport> BijwerkenAsync(KoersDbContext db, bool herversleutelen, CancellationToken ct = default)
    {
        var b = BsnModel.BeschermingVan(db) ?? throw new BsnSleutelFout("BsnOpslag heeft een KoersDbContext met BSN-sleutels nodig (UseBsnBescherming).");
        var rapport = new Dictionary<string, int>();
        foreach (var tabel in Tabellen(db))
        {
            await ControleerSleutelsAsync(db, b, tabel, ct);
            rapport[tabel.Naam] = await HerschrijfAsync(db, b, tabel, herversleutelen, ct);
        }

        return new BsnOpslagRapport(rapport);
    }

    /// <summary>Every table with a protected column, from the model: a new protected property is covered without a change here.</summary>
    private static List<Tabel> Tabellen(KoersDbContext db)
    {
        var tabellen = new List<Tabel>();
        foreach (var type in db.Model.GetEntityTypes())
        {
            var beschermd = type.GetProperties().Where(p => p.GetValueConverter() is IBeschermdeConverter).ToList();
            if (beschermd.Count == 0) continue;
            var kolommen = beschermd.Select(p =>
            {
                var index = IndexVan.TryGetValue((type.ClrType, p.Name), out var i) ? i : default;
                return new Kolom(p.GetColumnName(), p.Name, index.Index is null ? null : type.FindProperty(index.Index)!.GetColumnName(), index.Soort);
            }).ToList();
            tabellen.Add(new Tabel(type.GetTableName()!, type.FindPrimaryKey()!.Properties.Single().GetColumnName(), kolommen, type.ClrType == typeof(DuoNotificatie)));
        }

        return tabellen;
    }

    private static async Task ControleerSleutelsAsync(KoersDbContext db, BsnBescherming b, Tabel t, CancellationToken ct)
    {
        foreach (var k in t.Kolommen)
        {
            var bekend = string.Join(" OR ", b.Sleutels.Select(id => $"\"{k.Naam}\" LIKE 'v{id}:%'"));
            var sql = $"SELECT \"{k.Naam}\" FROM \"{t.Naam}\" WHERE \"{k.Naam}\" LIKE 'v%:%' AND NOT ({bekend}) LIMIT 1";
            if (await EersteAsync(db, sql, ct) is { } waarde && BsnBescherming.SleutelVan(waarde) is { } id)
            {
                throw new BsnSleutelFout(
                    $"{t.Naam}.{k.Naam} bevat waarden versleuteld met sleutel '{id}', maar {BsnBescherming.Sectie}:Sleutels:{id} is niet ingesteld. " +
                    "Zet die sleutel terug; verwijder een oude sleutel pas als Koers:Bsn:Herversleutel=true alles heeft herversleuteld.");
            }
        }
    }

    private static async Task<int> HerschrijfAsync(KoersDbContext db, BsnBescherming b, Tabel t, bool herversleutelen, CancellationToken ct)
    {
        var kolommen = t.Kolommen.Select(k => k.Naam)
            .Concat(t.Kolommen.Where(k => k.Index is not null).Select(k => k.Index!))
            .Concat(t.Persoonssleutel ? [nameof(DuoNotificatie.Persoonssleutel)] : [])
            .ToList();
        var selectie = $"SELECT \"{t.Sleutel}\", {string.Join(", ", kolommen.Select(k => $"\"{k}\""))} FROM \"{t.Naam}\" WHERE ({WerkFilter(b, t, herversleutelen)})";
        object? na = null;
        var totaal = 0;
        while (true)
        {
            var rijen = new List<object?[]>();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using (var lees = db.Database.GetDbConnection().CreateCommand())
                {
                    lees.CommandText = selectie + (na is null ? "" : $" AND \"{t.Sleutel}\" > @na") + $" ORDER BY \"{t.Sleutel}\" LIMIT {Blok}";
                    if (na is not null) Parameter(lees, "@na", na);
                    await using var rd = await lees.ExecuteReaderAsync(ct);
                    while (await rd.ReadAsync(ct))
                    {
                        var rij = new object?[rd.FieldCount];
                        for (var i = 0; i < rij.Length; i++) rij[i] = rd.IsDBNull(i) ? null : rd.GetValue(i);
                        rijen.Add(rij);
                    }
                }

                if (rijen.Count == 0) return totaal;
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                foreach (var rij in rijen)
                {
                    await SchrijfAsync(db, b, t, rij, tx, ct);
                }

                await tx.CommitAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            totaal += rijen.Count;
            na = rijen[^1][0];
        }
    }

    /// <summary>Decrypts (or takes the clear value), encrypts with the active key and remakes the indexes of one row.</summary>
    private static async Task SchrijfAsync(KoersDbContext db, BsnBescherming b, Tabel t, object?[] rij, IDbContextTransaction tx, CancellationToken ct)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = tx.GetDbTransaction();
        var zetten = new List<string>();
        var helder = new Dictionary<string, string?>();
        for (var i = 0; i < t.Kolommen.Count; i++)
        {
            var k = t.Kolommen[i];
            var waarde = rij[i + 1] is { } w ? b.Ontsleutel(Convert.ToString(w, CultureInfo.InvariantCulture)!) : null;
            helder[k.Eigenschap] = waarde;
            zetten.Add($"\"{k.Naam}\" = @w{i}");
            Parameter(cmd, $"@w{i}", waarde is null ? null : b.Versleutel(waarde));
            if (k.Index is not null)
            {
                zetten.Add($"\"{k.Index}\" = @i{i}");
                Parameter(cmd, $"@i{i}", waarde is null ? null : b.Index(k.Soort, waarde));
            }
        }

        if (t.Persoonssleutel && (helder[nameof(DuoNotificatie.Bsn)] is not null || helder[nameof(DuoNotificatie.VNummer)] is not null))
        {
            zetten.Add($"\"{nameof(DuoNotificatie.Persoonssleutel)}\" = @p");
            var vnummer = helder[nameof(DuoNotificatie.VNummer)] is { } v ? long.Parse(v, CultureInfo.InvariantCulture) : (long?)null;
            Parameter(cmd, "@p", b.Persoonssleutel(helder[nameof(DuoNotificatie.Bsn)], vnummer));
        }

        cmd.CommandText = $"UPDATE \"{t.Naam}\" SET {string.Join(", ", zetten)} WHERE \"{t.Sleutel}\" = @sleutel";
        Parameter(cmd, "@sleutel", rij[0]);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Which rows need work, in SQL, so a start with nothing to do reads no rows. Key ids are digits and the prefixes
    /// literal, so LIKE means the same on PostgreSQL and SQLite.
    /// </summary>
    private static string WerkFilter(BsnBescherming b, Tabel t, bool herversleutelen)
    {
        var delen = new List<string>();
        string Onbekend(string kolom, IEnumerable<string> prefixen) =>
            $"(\"{kolom}\" IS NOT NULL AND NOT ({string.Join(" OR ", prefixen.Select(p => $"\"{kolom}\" LIKE '{p}%'"))}))";
        var indexPrefixen = (herversleutelen ? [b.ActieveIndexSleutel] : b.IndexSleutels).Select(id => id + ":").ToList();
        foreach (var k in t.Kolommen)
        {
            delen.Add(herversleutelen
                ? Onbekend(k.Naam, ["v" + b.ActieveSleutel + ":"])
                : $"(\"{k.Naam}\" IS NOT NULL AND \"{k.Naam}\" NOT LIKE 'v%:%')");
            if (k.Index is null) continue;
            delen.Add($"(\"{k.Naam}\" IS NULL AND \"{k.Index}\" IS NOT NULL)");
            delen.Add($"(\"{k.Naam}\" IS NOT NULL AND \"{k.Index}\" IS NULL)");
            delen.Add(Onbekend(k.Index, indexPrefixen));
        }

        if (t.Persoonssleutel) delen.Add(Onbekend(nameof(DuoNotificatie.Persoonssleutel), indexPrefixen));
        return string.Join(" OR ", delen);
    }

    private static async Task<string?> EersteAsync(KoersDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = sql;
            return await cmd.ExecuteScalarAsync(ct) as string;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Parameter(DbCommand cmd, string naam, object? waarde)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = naam;
        p.Value = waarde ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
