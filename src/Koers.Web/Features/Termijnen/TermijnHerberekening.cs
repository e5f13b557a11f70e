using System.Diagnostics;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Koers.Web.Features.Termijnen;

public sealed record HerberekeningResultaat(
    int Dossiers,
    int OpenDossiers,
    int TermijnenGewijzigd,
    int VervaldatumsVerschoven,
    int FasesGewijzigd,
    long Milliseconden);

/// <summary>
/// Recomputes the stored deadlines (Termijnregels) and phase of every open case with the same domain clock the
/// per-case path uses (<see cref="LegalClock"/>, <see cref="FaseBepaling"/>, <see cref="Termijnregel.Uit"/>), so a
/// changed municipal setting or rule reaches every case. Works in batches: reads facts and stored deadlines of a
/// batch in three queries, compares in memory, and writes only what changed, set-based (on PostgreSQL binary COPY
/// into a temp table and one upsert; on SQLite ordinary batched EF writes). A moved due date is kept in the
/// deadline history, as a change by hand would be.
/// </summary>
public sealed class TermijnHerberekening(KoersDbContext db, Klok klok, ILogger<TermijnHerberekening> log)
{
    public const int Batchgrootte = 25_000;

    public async Task<HerberekeningResultaat> HerberekenAlleAsync(string aanleiding, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var instellingen = await db.Gemeenten.AsNoTracking()
            .Select(g => new { g.Id, g.VoortgangsgesprekIntervalMaanden, g.HercontactIntervalMaanden, g.OntzorgenMaanden })
            .ToDictionaryAsync(g => g.Id, g => new ClockSettings
            {
                VoortgangsgesprekIntervalMaanden = g.VoortgangsgesprekIntervalMaanden,
                HercontactIntervalMaanden = g.HercontactIntervalMaanden,
                OntzorgenMaanden = g.OntzorgenMaanden,
            }, ct);

        // Anonymised cases keep no facts worth a clock; everything else is looked at, only open cases are rewritten.
        var ids = await db.Inburgeraars.AsNoTracking().Where(i => i.GeanonimiseerdOp == null)
            .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);

        int open = 0, gewijzigd = 0, verschoven = 0, fases = 0;
        var nu = klok.NuUtc;
        var reden = aanleiding.Length > 1000 ? aanleiding[..1000] : aanleiding;
        foreach (var batch in ids.Chunk(Batchgrootte))
        {
            var uitkomst = await BatchAsync(batch, instellingen, reden, nu, ct);
            open += uitkomst.Open;
            gewijzigd += uitkomst.Termijnen;
            verschoven += uitkomst.Verschoven;
            fases += uitkomst.Fases;
        }

        db.Audit.Add(new AuditRegel
        {
            Op = nu,
            Gebruiker = "systeem",
            Actie = AuditActie.Wijzigen,
            Omschrijving = $"{reden}: {open} open dossiers herberekend, {gewijzigd} termijnen en {fases} fasen gewijzigd.",
        });
        await db.SaveChangesAsync(ct);

        log.LogInformation("Termijnen herberekend: {Dossiers} dossiers ({Open} open), {Termijnen} termijnen, {Fases} fasen gewijzigd in {Ms} ms",
            ids.Count, open, gewijzigd, fases, stopwatch.ElapsedMilliseconds);
        return new HerberekeningResultaat(ids.Count, open, gewijzigd, verschoven, fases, stopwatch.ElapsedMilliseconds);
    }

    private sealed record Feitenrij(Guid Id, int GemeenteId, Doelgroep Doelgroep, DateOnly Geboortedatum, Leerroute? Leerroute,
        bool NogNietStartklaar, DateOnly? LaatsteBeschikkingOp, DateOnly? OntzorgenVerlengdTot, bool OntzorgenAfgezien, Fase Fase);

    private async Task<(int Open, int Termijnen, int Verschoven, int Fases)> BatchAsync(
        Guid[] batch, IReadOnlyDictionary<int, ClockSettings> instellingen, string aanleiding, DateTime nu, CancellationToken ct)
    {
        var lijst = batch.ToList();
        var dossiers = await db.Inburgeraars.AsNoTracking().Where(i => lijst.Contains(i.Id))
            .Select(i => new Feitenrij(i.Id, i.GemeenteId, i.Doelgroep, i.Geboortedatum, i.Leerroute, i.NogNietStartklaar,
                i.LaatsteBeschikkingOp, i.OntzorgenVerlengdTot, i.OntzorgenAfgezien, i.Fase))
            .ToListAsync(ct);
        var mijlpalen = (await db.Mijlpalen.AsNoTracking().Where(m => lijst.Contains(m.InburgeraarId))
                .Select(m => new { m.InburgeraarId, m.Soort, m.Datum }).ToListAsync(ct))
            .ToLookup(m => m.InburgeraarId);
        var opgeslagen = (await db.Termijnen.AsNoTracking().Where(t => lijst.Contains(t.InburgeraarId)).ToListAsync(ct))
            .ToLookup(t => t.InburgeraarId);

        var teSchrijven = new List<(Termijnregel Regel, bool Nieuw)>();
        var historie = new List<TermijnWijziging>();
        var nieuweFase = new List<(Guid Id, Fase Fase)>();
        var open = 0;
        foreach (var d in dossiers)
        {
            var feiten = new DossierFeiten
            {
                Doelgroep = d.Doelgroep,
                Geboortedatum = d.Geboortedatum,
                Leerroute = d.Leerroute,
                NogNietStartklaar = d.NogNietStartklaar,
                LaatsteBeschikking = d.LaatsteBeschikkingOp,
                OntzorgenVerlengdTot = d.OntzorgenVerlengdTot,
                OntzorgenAfgezien = d.OntzorgenAfgezien,
                Mijlpalen = mijlpalen[d.Id].ToDictionary(m => m.Soort, m => m.Datum),
            };

            // A closed case keeps the deadlines it had when it closed (they are off every worklist already).
            if (feiten.Afsluiting is not null) continue;
            open++;

            var bestaand = opgeslagen[d.Id].ToDictionary(t => t.Code);
            var klok = instellingen.TryGetValue(d.GemeenteId, out var s) ? s : ClockSettings.Default;
            foreach (var termijn in LegalClock.Bereken(feiten, klok))
            {
                var regel = Termijnregel.Uit(d.Id, termijn);
                var oud = bestaand.GetValueOrDefault(termijn.Code);
                if (oud is not null && Gelijk(oud, regel)) continue;
                teSchrijven.Add((regel, oud is null));
                if (oud?.Vervaldatum != regel.Vervaldatum)
                {
                    historie.Add(new TermijnWijziging
                    {
                        InburgeraarId = d.Id,
                        Code = regel.Code,
                        OudeVervaldatum = oud?.Vervaldatum,
                        NieuweVervaldatum = regel.Vervaldatum,
                        Aanleiding = aanleiding,
                        Op = nu,
                    });
                }
            }

            var fase = FaseBepaling.Bepaal(feiten);
            if (fase != d.Fase) nieuweFase.Add((d.Id, fase));
        }

        if (teSchrijven.Count == 0 && nieuweFase.Count == 0) return (open, 0, 0, 0);

        var strategie = db.Database.CreateExecutionStrategy();
        await strategie.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db is PostgresKoersDbContext)
            {
                await SchrijfPostgresAsync(teSchrijven.Select(t => t.Regel).ToList(), historie, ct);
            }
            else
            {
                await SchrijfEfAsync(teSchrijven, historie, ct);
            }

            // Set-based: one UPDATE per phase value, not one per case.
            foreach (var groep in nieuweFase.GroupBy(f => f.Fase))
            {
                var fase = groep.Key;
                foreach (var deel in groep.Select(g => g.Id).Chunk(5_000))
                {
                    var deelLijst = deel.ToList();
                    await db.Inburgeraars.Where(i => deelLijst.Contains(i.Id)).ExecuteUpdateAsync(u => u.SetProperty(i => i.Fase, fase), ct);
                }
            }

            await tx.CommitAsync(ct);
        });

        return (open, teSchrijven.Count, historie.Count, nieuweFase.Count);
    }

    internal static bool Gelijk(Termijnregel a, Termijnregel b) =>
        a.Soort == b.Soort && a.Toepasselijk == b.Toepasselijk && a.Startdatum == b.Startdatum && a.Vervaldatum == b.Vervaldatum
        && a.VoldaanOp == b.VoldaanOp && a.Toelichting == b.Toelichting;

    private async Task SchrijfEfAsync(List<(Termijnregel Regel, bool Nieuw)> regels, List<TermijnWijziging> historie, CancellationToken ct)
    {
        foreach (var (regel, nieuw) in regels)
        {
            if (nieuw) db.Termijnen.Add(regel);
            else db.Termijnen.Update(regel);
        }

        db.TermijnWijzigingen.AddRange(historie);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task SchrijfPostgresAsync(List<Termijnregel> regels, List<TermijnWijziging> historie, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = """
                CREATE TEMP TABLE IF NOT EXISTS herberekening_termijn (LIKE termijn INCLUDING DEFAULTS) ON COMMIT DELETE ROWS;
                """;
            await cmd.ExecuteNonQueryAsync(ct);
        }

        if (regels.Count > 0)
        {
            await using (var copy = await conn.BeginBinaryImportAsync(
                """COPY herberekening_termijn ("InburgeraarId", "Code", "Soort", "Toepasselijk", "Startdatum", "Vervaldatum", "VoldaanOp", "Toelichting") FROM STDIN (FORMAT BINARY)""", ct))
            {
                foreach (var r in regels)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(r.InburgeraarId, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(r.Code.ToString(), NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(r.Soort.ToString(), NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(r.Toepasselijk, NpgsqlDbType.Boolean, ct);
                    await SchrijfDatum(copy, r.Startdatum, ct);
                    await SchrijfDatum(copy, r.Vervaldatum, ct);
                    await SchrijfDatum(copy, r.VoldaanOp, ct);
                    await copy.WriteAsync(r.Toelichting, NpgsqlDbType.Varchar, ct);
                }

                await copy.CompleteAsync(ct);
            }

            await using var upsert = conn.CreateCommand();
            upsert.CommandText = """
                INSERT INTO termijn ("InburgeraarId", "Code", "Soort", "Toepasselijk", "Startdatum", "Vervaldatum", "VoldaanOp", "Toelichting")
                SELECT "InburgeraarId", "Code", "Soort", "Toepasselijk", "Startdatum", "Vervaldatum", "VoldaanOp", "Toelichting" FROM herberekening_termijn
                ON CONFLICT ("InburgeraarId", "Code") DO UPDATE SET
                    "Soort" = EXCLUDED."Soort", "Toepasselijk" = EXCLUDED."Toepasselijk", "Startdatum" = EXCLUDED."Startdatum",
                    "Vervaldatum" = EXCLUDED."Vervaldatum", "VoldaanOp" = EXCLUDED."VoldaanOp", "Toelichting" = EXCLUDED."Toelichting";
                """;
            await upsert.ExecuteNonQueryAsync(ct);
        }

        if (historie.Count > 0)
        {
            await using var copy = await conn.BeginBinaryImportAsync(
                """COPY termijn_wijziging ("InburgeraarId", "Code", "OudeVervaldatum", "NieuweVervaldatum", "Aanleiding", "Op") FROM STDIN (FORMAT BINARY)""", ct);
            foreach (var h in historie)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(h.InburgeraarId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(h.Code.ToString(), NpgsqlDbType.Varchar, ct);
                await SchrijfDatum(copy, h.OudeVervaldatum, ct);
                await SchrijfDatum(copy, h.NieuweVervaldatum, ct);
                await copy.WriteAsync(h.Aanleiding, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(h.Op, NpgsqlDbType.TimestampTz, ct);
            }

            await copy.CompleteAsync(ct);
        }
    }

    private static async Task SchrijfDatum(NpgsqlBinaryImporter copy, DateOnly? datum, CancellationToken ct)
    {
        if (datum is { } d) await copy.WriteAsync(d, NpgsqlDbType.Date, ct);
        else await copy.WriteNullAsync(ct);
    }
}
