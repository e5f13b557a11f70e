using System.Diagnostics;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Web.Features.Audit;
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
    long Milliseconden,
    long CpuMillisecondenProces);

/// <summary>
/// Recomputes the stored deadlines (Termijnregels) and phase of every open case with the same domain clock the
/// per-case path uses (<see cref="LegalClock"/>, <see cref="FaseBepaling"/>, <see cref="Termijnregel.Uit"/>), so a
/// changed municipal setting or rule reaches every case. Works in batches: reads facts and stored deadlines of a
/// batch in three queries, compares in memory, and writes only what changed, set-based (on PostgreSQL binary COPY
/// into a temp table and one upsert; on SQLite ordinary batched EF writes). A moved due date is kept in the
/// deadline history, as a change by hand would be. On PostgreSQL two batches run at a time (<see cref="Werkers"/>).
/// </summary>
public sealed class TermijnHerberekening(KoersDbContext db, Klok klok, ILogger<TermijnHerberekening> log, Auditlog audit, IServiceScopeFactory scopes,
    IConfiguration configuration)
{
    /// <summary>
    /// 5,000 cases per batch: what a batch reads and computes stays alive until it is written, and the garbage collector
    /// copies and marks all of it at every collection in between. With 25,000 (and the stored rows as objects) a
    /// national run spent 0.9 s in GC pauses and 40 % of Koers's CPU in GC threads on a 2-core VM; now 0.26 s
    /// (bench/README.md, "The recomputation and the garbage collector"). The 30 batches' index range scans cost
    /// PostgreSQL no more than the 6 did.
    /// </summary>
    public const int Standaardbatch = 5_000;

    /// <summary>Cases per batch: read, computed and written together, one transaction each.</summary>
    internal int Batchgrootte { get; set; } = configuration.GetValue("Koers:Termijnen:Batchgrootte", Standaardbatch);

    /// <summary>
    /// Batches processed at the same time on PostgreSQL, each on its own connection and transaction. Two keep both
    /// cores busy: while one batch waits for PostgreSQL to send or write its rows, the other is computed in Koers
    /// (one at a time, half of the wall time was one side waiting for the other). Batches are disjoint ranges of
    /// cases, so their writes never touch the same row. SQLite has one writer and stays sequential.
    /// </summary>
    internal int Werkers { get; set; } = configuration.GetValue("Koers:Termijnen:Werkers", 2);

    // Time per phase over all batches (summed over the workers, so with two workers more than the wall time): logged
    // per run, to see where a slow run spent its time.
    private long _lezen, _rekenen, _termijnen, _historie, _fases, _monitor, _commit;

    public async Task<HerberekeningResultaat> HerberekenAlleAsync(string aanleiding, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        _lezen = _rekenen = _termijnen = _historie = _fases = _monitor = _commit = 0;
        var instellingen = await db.Gemeenten.AsNoTracking()
            .Select(g => new { g.Id, g.VoortgangsgesprekIntervalMaanden, g.HercontactIntervalMaanden, g.OntzorgenMaanden })
            .ToDictionaryAsync(g => g.Id, g => new ClockSettings
            {
                VoortgangsgesprekIntervalMaanden = g.VoortgangsgesprekIntervalMaanden,
                HercontactIntervalMaanden = g.HercontactIntervalMaanden,
                OntzorgenMaanden = g.OntzorgenMaanden,
            }, ct);

        // Anonymised cases keep no facts worth a clock; everything else is looked at, open cases are rewritten (closed ones
        // only their PIP term).
        var ids = await db.Inburgeraars.AsNoTracking().Where(i => i.GeanonimiseerdOp == null)
            .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);

        int open = 0, gewijzigd = 0, verschoven = 0, fases = 0;
        var nu = klok.NuUtc;
        var reden = aanleiding.Length > 1000 ? aanleiding[..1000] : aanleiding;
        var batches = ids.Chunk(Math.Max(1, Batchgrootte)).ToArray();
        var werkers = db is PostgresKoersDbContext ? Math.Clamp(Werkers, 1, batches.Length) : 1;
        var samen = new Lock();
        void Tel((int Open, int Termijnen, int Verschoven, int Fases) u)
        {
            lock (samen)
            {
                open += u.Open;
                gewijzigd += u.Termijnen;
                verschoven += u.Verschoven;
                fases += u.Fases;
            }
        }

        if (werkers <= 1)
        {
            foreach (var batch in batches) Tel(await BatchAsync(db, batch, instellingen, reden, nu, ct));
        }
        else
        {
            // Each worker its own scope, so its own DbContext, connection and transaction; the first failure cancels the rest
            // (a batch's transaction is all or nothing, and the next run picks up what was not written).
            await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = werkers, CancellationToken = ct }, async (batch, c) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var werkDb = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
                Tel(await BatchAsync(werkDb, batch, instellingen, reden, nu, c));
            });
        }

        audit.Schrijf(AuditActie.Wijzigen, null, $"{reden}: {open} open dossiers herberekend, {gewijzigd} termijnen en {fases} fasen gewijzigd.", door: HuidigeGebruiker.Systeem);
        await db.SaveChangesAsync(ct);

        static long Ms(long ticks) => (long)Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds;
        log.LogInformation("Termijnen herberekend: {Dossiers} dossiers ({Open} open), {Termijnen} termijnen, {Fases} fasen gewijzigd in {Ms} ms " +
                           "({Werkers} werkers, {Batches} batches; per fase opgeteld: lezen {Lezen} ms, rekenen {Rekenen} ms, termijnen {Schrijven} ms, " +
                           "historie {Historie} ms, fasen {FaseMs} ms, monitor {Monitor} ms, commit {Commit} ms)",
            ids.Count, open, gewijzigd, fases, stopwatch.ElapsedMilliseconds, werkers, batches.Length,
            Ms(_lezen), Ms(_rekenen), Ms(_termijnen), Ms(_historie), Ms(_fases), Ms(_monitor), Ms(_commit));
        // The process CPU time says what the run cost this instance, apart from waiting for the database or a busy machine.
        var cpuMs = (long)(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        return new HerberekeningResultaat(ids.Count, open, gewijzigd, verschoven, fases, stopwatch.ElapsedMilliseconds, cpuMs);
    }

    /// <summary>Adds the time since <paramref name="sinds"/> to a phase counter and returns the new start.</summary>
    private static long Meet(ref long teller, long sinds)
    {
        var nu = Stopwatch.GetTimestamp();
        Interlocked.Add(ref teller, nu - sinds);
        return nu;
    }

    private sealed record Feitenrij(Guid Id, int GemeenteId, Doelgroep Doelgroep, DateOnly Geboortedatum, Leerroute? Leerroute,
        bool NogNietStartklaar, DateOnly? LaatsteBeschikkingOp, DateOnly? OntzorgenVerlengdTot, bool OntzorgenAfgezien, Fase Fase,
        bool LaatsteBeschikkingNietVerzonden);

    private async Task<(int Open, int Termijnen, int Verschoven, int Fases)> BatchAsync(KoersDbContext db,
        Guid[] batch, IReadOnlyDictionary<int, ClockSettings> instellingen, string aanleiding, DateTime nu, CancellationToken ct)
    {
        var tijd = Stopwatch.GetTimestamp();
        var postgres = db is PostgresKoersDbContext;
        var (dossiers, mijlpalen) = postgres ? await LeesFeitenPostgresAsync(db, batch, ct) : await LeesFeitenEfAsync(db, batch, ct);
        tijd = Meet(ref _lezen, tijd);

        // Every recomputed deadline of the batch by case and code; what equals the stored row is taken out below.
        var berekend = new Dictionary<(Guid, TermijnCode), Termijnregel>(dossiers.Count * 6);
        var nieuweFase = new List<(Guid Id, Fase Fase)>();
        var open = new List<Guid>(dossiers.Count);
        foreach (var d in dossiers)
        {
            var feiten = new DossierFeiten
            {
                Doelgroep = d.Doelgroep,
                Geboortedatum = d.Geboortedatum,
                Leerroute = d.Leerroute,
                NogNietStartklaar = d.NogNietStartklaar,
                LaatsteBeschikking = d.LaatsteBeschikkingOp,
                LaatsteBeschikkingNietVerzonden = d.LaatsteBeschikkingNietVerzonden,
                OntzorgenVerlengdTot = d.OntzorgenVerlengdTot,
                OntzorgenAfgezien = d.OntzorgenAfgezien,
                Mijlpalen = mijlpalen.TryGetValue(d.Id, out var eigen) ? eigen : GeenMijlpalen,
            };

            // A closed case keeps the deadlines it had when it closed (they are off every worklist already), except the
            // PIP term: the monitor's PIP-on-time figure counts closed cases too and reads their stored end, so a changed
            // reading of the law (e.g. the Algemene termijnenwet, issue #24) must reach them as well.
            var gesloten = feiten.Afsluiting is not null;
            if (!gesloten) open.Add(d.Id);

            if (gesloten)
            {
                var pip = LegalClock.PipVaststellingNaAfsluiting(feiten);
                berekend[(d.Id, pip.Code)] = Termijnregel.Uit(d.Id, pip);
                continue;
            }

            var klok = instellingen.TryGetValue(d.GemeenteId, out var s) ? s : ClockSettings.Default;
            foreach (var termijn in LegalClock.Bereken(feiten, klok)) berekend[(d.Id, termijn.Code)] = Termijnregel.Uit(d.Id, termijn);

            var fase = FaseBepaling.Bepaal(feiten);
            if (fase != d.Fase) nieuweFase.Add((d.Id, fase));
        }

        tijd = Meet(ref _rekenen, tijd);

        // Compared with the stored rows: on PostgreSQL while they stream in, so no stored row becomes an object (their
        // explanations were 600,000 strings per national run, alive until the batch was written).
        var teSchrijven = new List<(Termijnregel Regel, bool Nieuw)>();
        var historie = new List<TermijnWijziging>();
        void Gewijzigd(Termijnregel regel, bool nieuw, DateOnly? oudeVervaldatum)
        {
            teSchrijven.Add((regel, nieuw));
            if (oudeVervaldatum == regel.Vervaldatum) return;
            historie.Add(new TermijnWijziging
            {
                InburgeraarId = regel.InburgeraarId,
                Code = regel.Code,
                OudeVervaldatum = oudeVervaldatum,
                NieuweVervaldatum = regel.Vervaldatum,
                Aanleiding = aanleiding,
                Op = nu,
            });
        }

        if (postgres) await VergelijkPostgresAsync(db, batch, open, berekend, Gewijzigd, ct);
        else await VergelijkEfAsync(db, batch, berekend, Gewijzigd, ct);

        // Not stored at all yet: new rows.
        foreach (var regel in berekend.Values) Gewijzigd(regel, true, null);
        tijd = Meet(ref _lezen, tijd);

        if (teSchrijven.Count == 0 && nieuweFase.Count == 0) return (open.Count, 0, 0, 0);

        var strategie = db.Database.CreateExecutionStrategy();
        await strategie.ExecuteAsync(async () =>
        {
            var tijd = Stopwatch.GetTimestamp();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db is PostgresKoersDbContext)
            {
                tijd = await SchrijfPostgresAsync(db, teSchrijven.Select(t => t.Regel).ToList(), historie, tijd, ct);
            }
            else
            {
                await SchrijfEfAsync(db, teSchrijven, historie, ct);
                tijd = Meet(ref _termijnen, tijd);
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

            tijd = Meet(ref _fases, tijd);

            // The monitor's per-case table follows saves through an EF interceptor; these set-based writes bypass it.
            // Of what is recomputed here it holds the phase and the ends of the inburgeringstermijn and the PIP term.
            var voorMonitor = nieuweFase.Select(f => f.Id)
                .Concat(teSchrijven.Where(t => t.Regel.Code is TermijnCode.Inburgeringstermijn or TermijnCode.PipVaststelling).Select(t => t.Regel.InburgeraarId))
                .ToHashSet();
            if (voorMonitor.Count > 0) await Data.Model.Monitor.MonitorDossiers.VernieuwAsync(db, voorMonitor, ct);
            tijd = Meet(ref _monitor, tijd);

            await tx.CommitAsync(ct);
            Meet(ref _commit, tijd);
        });

        return (open.Count, teSchrijven.Count, historie.Count, nieuweFase.Count);
    }

    /// <summary>A case without milestones (shared: the clock only reads them, <see cref="DossierFeiten.Met"/> copies).</summary>
    private static readonly IReadOnlyDictionary<Mijlpaal, DateOnly> GeenMijlpalen = new Dictionary<Mijlpaal, DateOnly>();

    /// <summary>A milestone row into its case's dictionary, the one <see cref="DossierFeiten.Mijlpalen"/> gets.</summary>
    private static void Voeg(Dictionary<Guid, Dictionary<Mijlpaal, DateOnly>> mijlpalen, Guid id, Mijlpaal soort, DateOnly datum)
    {
        if (!mijlpalen.TryGetValue(id, out var eigen)) mijlpalen[id] = eigen = new Dictionary<Mijlpaal, DateOnly>(8);
        eigen[soort] = datum;
    }

    private static async Task<(List<Feitenrij>, Dictionary<Guid, Dictionary<Mijlpaal, DateOnly>>)> LeesFeitenEfAsync(KoersDbContext db, Guid[] batch, CancellationToken ct)
    {
        var lijst = batch.ToList();
        var dossiers = await db.Inburgeraars.AsNoTracking().Where(i => lijst.Contains(i.Id))
            .Select(i => new Feitenrij(i.Id, i.GemeenteId, i.Doelgroep, i.Geboortedatum, i.Leerroute, i.NogNietStartklaar,
                i.LaatsteBeschikkingOp, i.OntzorgenVerlengdTot, i.OntzorgenAfgezien, i.Fase, i.LaatsteBeschikkingNietVerzonden))
            .ToListAsync(ct);
        var mijlpalen = new Dictionary<Guid, Dictionary<Mijlpaal, DateOnly>>(batch.Length);
        foreach (var m in await db.Mijlpalen.AsNoTracking().Where(m => lijst.Contains(m.InburgeraarId))
                     .Select(m => new { m.InburgeraarId, m.Soort, m.Datum }).ToListAsync(ct))
        {
            Voeg(mijlpalen, m.InburgeraarId, m.Soort, m.Datum);
        }

        return (dossiers, mijlpalen);
    }

    private static async Task VergelijkEfAsync(KoersDbContext db, Guid[] batch, Dictionary<(Guid, TermijnCode), Termijnregel> berekend,
        Action<Termijnregel, bool, DateOnly?> gewijzigd, CancellationToken ct)
    {
        var lijst = batch.ToList();
        foreach (var oud in await db.Termijnen.AsNoTracking().Where(t => lijst.Contains(t.InburgeraarId)).ToListAsync(ct))
        {
            if (!berekend.Remove((oud.InburgeraarId, oud.Code), out var regel)) continue;
            if (!Gelijk(oud, regel)) gewijzigd(regel, false, oud.Vervaldatum);
        }
    }

    /// <summary>
    /// PostgreSQL: the batch is a range of the primary key (ids come sorted from the database), so each read is one
    /// index range scan, and rows are read with a plain data reader: at national scale the materialisation of two
    /// million rows through EF was most of the run time. Enum columns are parsed from a reused character buffer, not
    /// first made into strings (1.2 million milestones per run).
    /// </summary>
    private static async Task<(List<Feitenrij>, Dictionary<Guid, Dictionary<Mijlpaal, DateOnly>>)> LeesFeitenPostgresAsync(KoersDbContext db, Guid[] batch, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var (van, tot) = (batch[0], batch[^1]);
            var tekens = new char[64];
            var dossiers = new List<Feitenrij>(batch.Length);
            await using (var cmd = new NpgsqlCommand("""
                SELECT "Id", "GemeenteId", "Doelgroep", "Geboortedatum", "Leerroute", "NogNietStartklaar", "LaatsteBeschikkingOp",
                       "OntzorgenVerlengdTot", "OntzorgenAfgezien", "Fase", "LaatsteBeschikkingNietVerzonden"
                FROM inburgeraar WHERE "Id" BETWEEN $1 AND $2 AND "GeanonimiseerdOp" IS NULL
                """, conn))
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = van });
                cmd.Parameters.Add(new NpgsqlParameter { Value = tot });
                await using var rd = await cmd.ExecuteReaderAsync(ct);
                while (await rd.ReadAsync(ct))
                {
                    dossiers.Add(new Feitenrij(rd.GetGuid(0), rd.GetInt32(1), Enumwaarde<Doelgroep>(rd, 2, tekens), rd.GetFieldValue<DateOnly>(3),
                        rd.IsDBNull(4) ? null : Enumwaarde<Leerroute>(rd, 4, tekens), rd.GetBoolean(5),
                        rd.IsDBNull(6) ? null : rd.GetFieldValue<DateOnly>(6), rd.IsDBNull(7) ? null : rd.GetFieldValue<DateOnly>(7),
                        rd.GetBoolean(8), Enumwaarde<Fase>(rd, 9, tekens), rd.GetBoolean(10)));
                }
            }

            // Straight into each case's dictionary: no list of 40,000 rows per batch and no grouping of it afterwards.
            var mijlpalen = new Dictionary<Guid, Dictionary<Mijlpaal, DateOnly>>(batch.Length);
            await using (var cmd = new NpgsqlCommand("""SELECT "InburgeraarId", "Soort", "Datum" FROM mijlpaal WHERE "InburgeraarId" BETWEEN $1 AND $2""", conn))
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = van });
                cmd.Parameters.Add(new NpgsqlParameter { Value = tot });
                await using var rd = await cmd.ExecuteReaderAsync(ct);
                while (await rd.ReadAsync(ct))
                {
                    Voeg(mijlpalen, rd.GetGuid(0), Enumwaarde<Mijlpaal>(rd, 1, tekens), rd.GetFieldValue<DateOnly>(2));
                }
            }

            return (dossiers, mijlpalen);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// PostgreSQL: the stored deadlines of the batch's open cases, and of closed ones only the PIP term (the one
    /// recomputed for them), compared with the recomputed ones as they stream in. The explanation is compared in a
    /// reused character buffer: no stored row becomes a string or an object.
    /// </summary>
    private static async Task VergelijkPostgresAsync(KoersDbContext db, Guid[] batch, List<Guid> open, Dictionary<(Guid, TermijnCode), Termijnregel> berekend,
        Action<Termijnregel, bool, DateOnly?> gewijzigd, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var tekens = new char[512];
            await using var cmd = new NpgsqlCommand($"""
                SELECT "InburgeraarId", "Code", "Soort", "Toepasselijk", "Startdatum", "Vervaldatum", "VoldaanOp", "Toelichting"
                FROM termijn WHERE "InburgeraarId" BETWEEN $1 AND $2 AND ("InburgeraarId" = ANY($3) OR "Code" = '{TermijnCode.PipVaststelling}')
                """, conn);
            cmd.Parameters.Add(new NpgsqlParameter { Value = batch[0] });
            cmd.Parameters.Add(new NpgsqlParameter { Value = batch[^1] });
            cmd.Parameters.Add(new NpgsqlParameter { Value = open.ToArray() });
            await using var rd = await cmd.ExecuteReaderAsync(ct);
            while (await rd.ReadAsync(ct))
            {
                if (!berekend.Remove((rd.GetGuid(0), Enumwaarde<TermijnCode>(rd, 1, tekens)), out var regel)) continue;
                DateOnly? Datum(int kolom) => rd.IsDBNull(kolom) ? null : rd.GetFieldValue<DateOnly>(kolom);
                var vervaldatum = Datum(5);
                var gelijk = ZelfdeVelden(regel, Enumwaarde<TermijnSoort>(rd, 2, tekens), rd.GetBoolean(3), Datum(4), vervaldatum, Datum(6))
                    && TekstGelijk(rd, 7, regel.Toelichting, ref tekens);
                if (!gelijk) gewijzigd(regel, false, vervaldatum);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>An enum stored as its name, parsed from <paramref name="tekens"/> without making a string of it.</summary>
    private static T Enumwaarde<T>(NpgsqlDataReader rd, int kolom, char[] tekens) where T : struct, Enum
    {
        var n = (int)rd.GetChars(kolom, 0, tekens, 0, tekens.Length);
        return Enum.Parse<T>(tekens.AsSpan(0, n));
    }

    /// <summary>Whether a text column holds exactly <paramref name="tekst"/>, read into a buffer that grows when needed.</summary>
    private static bool TekstGelijk(NpgsqlDataReader rd, int kolom, string tekst, ref char[] tekens)
    {
        if (tekens.Length <= tekst.Length) tekens = new char[tekst.Length * 2];
        // One character more than the new text: a longer stored text then shows as a different length.
        var n = (int)rd.GetChars(kolom, 0, tekens, 0, tekst.Length + 1);
        return n == tekst.Length && tekens.AsSpan(0, n).SequenceEqual(tekst);
    }

    internal static bool Gelijk(Termijnregel a, Termijnregel b) =>
        ZelfdeVelden(b, a.Soort, a.Toepasselijk, a.Startdatum, a.Vervaldatum, a.VoldaanOp) && a.Toelichting == b.Toelichting;

    /// <summary>
    /// Every stored field of a deadline but its explanation: one list for both comparisons, the one of two rows
    /// (<see cref="Gelijk"/>) and the one of a row streaming in from PostgreSQL, which compares the explanation in a buffer.
    /// </summary>
    private static bool ZelfdeVelden(Termijnregel regel, TermijnSoort soort, bool toepasselijk, DateOnly? startdatum, DateOnly? vervaldatum, DateOnly? voldaanOp) =>
        regel.Soort == soort && regel.Toepasselijk == toepasselijk && regel.Startdatum == startdatum && regel.Vervaldatum == vervaldatum
        && regel.VoldaanOp == voldaanOp;

    private static async Task SchrijfEfAsync(KoersDbContext db, List<(Termijnregel Regel, bool Nieuw)> regels, List<TermijnWijziging> historie, CancellationToken ct)
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

    /// <summary>Writes the changed deadlines and the history; returns the time it finished (phase timing).</summary>
    private async Task<long> SchrijfPostgresAsync(KoersDbContext db, List<Termijnregel> regels, List<TermijnWijziging> historie, long tijd, CancellationToken ct)
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

        tijd = Meet(ref _termijnen, tijd);
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

        return Meet(ref _historie, tijd);
    }

    private static async Task SchrijfDatum(NpgsqlBinaryImporter copy, DateOnly? datum, CancellationToken ct)
    {
        if (datum is { } d) await copy.WriteAsync(d, NpgsqlDbType.Date, ct);
        else await copy.WriteNullAsync(ct);
    }
}
