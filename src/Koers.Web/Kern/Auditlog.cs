using System.Data.Common;
using System.Globalization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Koers.Web.Kern;

/// <summary>The object an audit row is about: its kind (the entity's type name) and its id as text.</summary>
public readonly record struct AuditObject(string Soort, string Id)
{
    public static AuditObject Van<T>(Guid id) => new(typeof(T).Name, id.ToString("D"));
    public static AuditObject Van<T>(long id) => new(typeof(T).Name, id.ToString(CultureInfo.InvariantCulture));
    public static AuditObject Van<T>(string id) => new(typeof(T).Name, id);
}

/// <summary>
/// The one way Koers writes an audit row (tests/Koers.Web.Tests/Codebase/AuditCodebaseTests keeps it so). A feature says
/// what happened (the action), to which case, to which object and in a few words; the time comes from the business clock
/// and the actor from the signed-in user, or from the system name a background job passes. The row is added to the
/// feature's own unit of work, so it is saved with the change it describes, or not at all.
///
/// What the feature does not say is filled when the row is saved: role, organisation, region, IP address and purpose by
/// <see cref="Features.Audit.AuditAanvuller"/>, and the hash chain by <see cref="Features.Audit.AuditKeten"/>, which seals rows after they are written.
/// </summary>
public sealed class Auditlog(KoersDbContext db, Klok klok, HuidigeGebruiker gebruiker, IAuditAanvulling aanvuller)
{
    /// <summary>The length of <see cref="AuditRegel.Omschrijving"/> in the database; a longer text is cut, not refused.</summary>
    public const int MaxOmschrijving = 1000;

    /// <summary>
    /// Adds one audit row to the current unit of work (saved with the caller's next SaveChanges).
    /// </summary>
    /// <param name="actie">What was done.</param>
    /// <param name="dossier">The case it concerns, or null for what concerns no single case (settings of a municipality, a list).</param>
    /// <param name="omschrijving">A short description in Dutch, for the auditor and the AVG inzage.</param>
    /// <param name="over">The object acted upon, where there is one.</param>
    /// <param name="door">A system actor's name (e.g. "Koers (berichten)"); by default the signed-in user, or "systeem".</param>
    /// <param name="doel">A purpose more precise than the one <see cref="Features.Audit.AuditDoel"/> derives from the request.</param>
    /// <param name="resultaat">Whether the attempt was allowed or refused.</param>
    public AuditRegel Schrijf(AuditActie actie, Guid? dossier, string omschrijving, AuditObject? over = null, string? door = null,
        string? doel = null, AuditResultaat resultaat = AuditResultaat.Toegestaan)
    {
        var regel = Nieuw(actie, dossier, omschrijving, over, door, doel, resultaat);
        db.Audit.Add(regel);
        return regel;
    }

    private AuditRegel Nieuw(AuditActie actie, Guid? dossier, string omschrijving, AuditObject? over = null, string? door = null,
        string? doel = null, AuditResultaat resultaat = AuditResultaat.Toegestaan) =>
        new()
        {
            Op = klok.NuUtc,
            Gebruiker = door ?? gebruiker.Naam,
            Actie = actie,
            InburgeraarId = dossier,
            ObjectSoort = over?.Soort,
            ObjectId = over?.Id,
            Omschrijving = omschrijving.Length > MaxOmschrijving ? omschrijving[..MaxOmschrijving] : omschrijving,
            Doel = doel ?? string.Empty,
            Resultaat = resultaat,
        };

    public AuditRegel Inzien(Guid? dossier, string omschrijving, AuditObject? over = null, string? door = null, string? doel = null) =>
        Schrijf(AuditActie.Inzien, dossier, omschrijving, over, door, doel);

    private bool _gebundeld;

    /// <summary>
    /// Saves the audit rows of reads: at once, or, inside <see cref="GebundeldAsync{T}"/>, together with the other reads of
    /// the same screen when the bundle closes. A read calls this where it used to call SaveChanges itself.
    /// </summary>
    public Task BewaarLezingAsync(CancellationToken ct) => _gebundeld ? Task.CompletedTask : db.SaveChangesAsync(ct);

    /// <summary>
    /// Runs the reads of one screen and saves all their audit rows in one SaveChanges at the end: one round trip and one
    /// pass of the interceptors instead of one per read (the case page reads the case and the sociale kaart, each audited;
    /// issue #21). The caller renders only after this returned, so nothing is shown whose read is not in the audit log; when
    /// a read or the save fails, the exception ends the request and nothing of it is shown. Nested bundles join the
    /// outer one.
    /// </summary>
    public async Task<T> GebundeldAsync<T>(Func<Task<T>> lezen, CancellationToken ct)
    {
        if (_gebundeld) return await lezen();
        _gebundeld = true;
        T uitkomst;
        try
        {
            uitkomst = await lezen();
        }
        finally
        {
            _gebundeld = false;
        }

        await BewaarBundelAsync(ct);
        return uitkomst;
    }

    /// <summary>
    /// Runs a part of the case page in a scope of its own (<see cref="Dossierdelen"/>) as a member of the page's bundle: its
    /// audit rows are not saved here but handed back, for the page to save with its own (<see cref="NeemOp"/>). A part only
    /// reads; anything else it left in this unit of work would be lost with the scope, so it is refused loudly.
    /// </summary>
    internal async Task<IReadOnlyList<AuditRegel>> VerzamelAsync(Func<Task> lezen)
    {
        _gebundeld = true;
        try
        {
            await lezen();
        }
        finally
        {
            _gebundeld = false;
        }

        var wijzigingen = db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList();
        if (wijzigingen.Find(e => e.State != EntityState.Added || e.Entity is not AuditRegel) is { } anders)
        {
            throw new InvalidOperationException(
                $"Een onderdeel van de dossierpagina wijzigde {anders.Metadata.ClrType.Name} ({anders.State}); onderdelen lezen alleen.");
        }

        var regels = wijzigingen.Select(e => (AuditRegel)e.Entity).ToList();
        foreach (var e in wijzigingen) e.State = EntityState.Detached;
        return regels;
    }

    /// <summary>Adds audit rows a part read in a scope of its own (<see cref="VerzamelAsync"/>) to this unit of work, in order.</summary>
    internal void NeemOp(IEnumerable<AuditRegel> regels) => db.Audit.AddRange(regels);

    /// <summary>Largest bundle saved without EF's own transaction: far below the provider's batch size (1,000), so one batch.</summary>
    private const int RijenPerBatch = 100;

    /// <summary>
    /// Saves a bundle's audit rows. On PostgreSQL they go as one batch: one message with one Sync, which PostgreSQL runs
    /// as one implicit transaction, so all rows are stored or none (held by DossierpaginaStatementsTests, a trigger refusing
    /// the second row). EF would also wrap that batch in a BEGIN ... COMMIT of its own: a further round trip (the COMMIT)
    /// on every case page for nothing, and on a virtual machine where each send that wakes PostgreSQL is costly (bench/README.md,
    /// "The case page on a slower machine") a round trip is what a page pays most for. Anything else in the unit of work,
    /// a transaction already open, SQLite (whose provider sends each insert on its own) or more rows than fit one batch:
    /// EF's own transaction, as before.
    /// </summary>
    private async Task BewaarBundelAsync(CancellationToken ct)
    {
        var wijzigingen = db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList();
        // Nothing left to save (the reads' rows rode along with their statements: MeelezenAsync): no round trip.
        if (wijzigingen.Count == 0) return;
        var alleenAudit = wijzigingen.Count is > 1 and <= RijenPerBatch &&
            wijzigingen.All(e => e.State == EntityState.Added && e.Entity is AuditRegel);
        if (!alleenAudit || !db.Database.IsNpgsql() || db.Database.CurrentTransaction is not null)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        var vorige = db.Database.AutoTransactionBehavior;
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.Database.AutoTransactionBehavior = vorige;
        }
    }

    /// <summary>
    /// Whether <see cref="LeesGeteldAsync{T}"/> can send a read and its audit row as one batch: on PostgreSQL, outside a
    /// transaction (whose own unit of work the row must join) and outside a bundle (which saves its rows itself).
    /// </summary>
    public bool KanMetLezingMeesturen => !_gebundeld && KanMeelezen;

    /// <summary>
    /// A read whose audit row names how many rows matched (the auditor's search), in one round trip: the rows of
    /// <paramref name="lezing"/>, the count of <paramref name="telling"/> up to <paramref name="grens"/> + 1, and the
    /// row (<paramref name="actie"/>, <paramref name="dossier"/>) whose description is <paramref name="voor"/>, the count
    /// ("meer dan <paramref name="grens"/>" beyond it) and <paramref name="na"/>. Only where
    /// <see cref="KanMetLezingMeesturen"/>; the caller reads through EF and <see cref="Schrijf"/> elsewhere.
    ///
    /// Why not EF's SaveChanges after the read: that is a second round trip, and for a cheap read on a machine that idles
    /// between requests each round trip that wakes PostgreSQL and Koers costs more than the read itself (issue #21,
    /// bench/README.md "The auditor's search in one round trip"). The queries are still EF's (<c>CreateDbCommand</c>), so
    /// the filter and the access rules stay in one place; the row gets the same context as every row
    /// (<see cref="IAuditAanvulling"/>).
    ///
    /// All or nothing: PostgreSQL runs a batch (one Sync) as one implicit transaction, so when the row cannot be written
    /// the read's result is not returned either (the exception ends the request), and a read that fails writes no row.
    /// </summary>
    public async Task<(List<T> Rijen, int Telling)> LeesGeteldAsync<T>(IQueryable<T> lezing, Func<DbDataReader, T> rij, IQueryable<long> telling,
        int grens, AuditActie actie, Guid? dossier, string voor, string na, CancellationToken ct)
    {
        if (!KanMetLezingMeesturen) throw new InvalidOperationException("Een lezing met haar auditregel in één batch kan alleen op PostgreSQL, buiten een transactie of bundel.");
        var regel = Nieuw(actie, dossier, voor + na);
        await aanvuller.VulAsync([regel], ct);

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var leesOpdracht = lezing.CreateDbCommand();
            await using var telOpdracht = telling.CreateDbCommand();
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            var lees = new NpgsqlBatchCommand(leesOpdracht.CommandText);
            foreach (DbParameter p in leesOpdracht.Parameters) lees.Parameters.Add(((NpgsqlParameter)p).Clone());
            batch.BatchCommands.Add(lees);

            // The count and the row in one statement: a data-modifying WITH runs once, whether or not the main query reads it.
            var schrijf = new NpgsqlBatchCommand();
            foreach (DbParameter p in telOpdracht.Parameters) schrijf.Parameters.Add(((NpgsqlParameter)p).Clone());
            var P = AuditMeelezer.Parameters(schrijf.Parameters, "koers_audit_");

            var tot = P("grens", grens, NpgsqlDbType.Integer);
            var telt = $"CASE WHEN t.n > {tot} THEN {P("meer", $"meer dan {grens}", NpgsqlDbType.Text)} ELSE t.n::text END";
            // The limit in SQL, not EF's Take: EF warns about a Take without OrderBy, and an order would only cost here.
            schrijf.CommandText = $"""
                WITH t AS (SELECT count(*)::int AS n FROM (SELECT 1 FROM ({telOpdracht.CommandText}) y LIMIT {tot} + 1) x),
                ins AS (
                    {AuditMeelezer.Invoegen(regel, P, $"left({P("voor", voor, NpgsqlDbType.Text)} || {telt} || {P("na", na, NpgsqlDbType.Text)}, {MaxOmschrijving.ToString(CultureInfo.InvariantCulture)})")}
                    FROM t)
                SELECT n FROM t
                """;
            batch.BatchCommands.Add(schrijf);

            var rijen = new List<T>();
            int aantal;
            await using (var lezer = await batch.ExecuteReaderAsync(ct))
            {
                while (await lezer.ReadAsync(ct)) rijen.Add(rij(lezer));
                if (!await lezer.NextResultAsync(ct) || !await lezer.ReadAsync(ct)) throw new InvalidOperationException("De telling van de auditregel kwam niet terug.");
                aantal = lezer.GetInt32(0);
                // To the end of the batch: an error of the row's INSERT surfaces here, before anything is returned.
                while (await lezer.NextResultAsync(ct))
                {
                }
            }

            return (rijen, aantal);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The tag (<c>TagWith</c>) of a query that can carry the audit row of its own read (<see cref="MeelezenAsync"/>); the
    /// tag alone changes nothing: only a row waiting on the same context rides along.
    /// </summary>
    public const string MeeTag = "koers:audit-mee";

    /// <summary>Whether <see cref="MeelezenAsync"/> can put the row into the read's statement: PostgreSQL, outside a transaction.</summary>
    public bool KanMeelezen => db.Database.IsNpgsql() && db.Database.CurrentTransaction is null;

    /// <summary>
    /// The audit row of a read, written by the read's own statement: until the returned handle is disposed, the next
    /// query on this context tagged <see cref="MeeTag"/> inserts the row in a data-modifying WITH in front of its SELECT
    /// (<see cref="AuditMeelezer"/>). One statement is one snapshot and all or nothing: what the read returns is in the
    /// log, and when the row cannot be written the read fails too. With <paramref name="alleenAlsDossierIn"/> the row is
    /// written only when the case is in those municipalities, which must be the read's own filter (the case read of
    /// <see cref="DossierService"/>): a case the read does not find leaves no "ingezien" row, and the refusal is logged
    /// at the end of the request as before.
    ///
    /// Why: the row's SaveChanges after the read was a round trip of its own, and on a machine that idles between requests
    /// a round trip costs more than the row (issue #21, bench/README.md "The case read and its audit row in one statement").
    /// Only where <see cref="KanMeelezen"/>; elsewhere the caller writes the row with <see cref="Schrijf"/>. After the read
    /// the caller calls <see cref="Meelezing.Bevestig"/>: a read that did not carry its row fails instead of being shown.
    /// </summary>
    public async Task<Meelezing> MeelezenAsync(AuditActie actie, Guid dossier, string omschrijving, IReadOnlyCollection<int>? alleenAlsDossierIn, CancellationToken ct)
    {
        if (!KanMeelezen) throw new InvalidOperationException("Een auditregel kan alleen op PostgreSQL buiten een transactie met haar lezing mee.");
        var regel = Nieuw(actie, dossier, omschrijving);
        await aanvuller.VulAsync([regel], ct);
        return AuditMeelezer.Wacht(db, new AuditMeelezer.Wachtend(regel, alleenAlsDossierIn is null ? null : [.. alleenAlsDossierIn]));
    }

    public AuditRegel Aanmaken(Guid? dossier, string omschrijving, AuditObject? over = null, string? door = null, string? doel = null) =>
        Schrijf(AuditActie.Aanmaken, dossier, omschrijving, over, door, doel);

    public AuditRegel Wijzigen(Guid? dossier, string omschrijving, AuditObject? over = null, string? door = null, string? doel = null) =>
        Schrijf(AuditActie.Wijzigen, dossier, omschrijving, over, door, doel);
}

/// <summary>
/// Fills the context of new audit rows (role, organisation, region, address, purpose): what the audit feature's
/// SaveChanges interceptor does for every row saved through a context, for a row <see cref="Auditlog"/> sends another way.
/// </summary>
public interface IAuditAanvulling
{
    Task VulAsync(IReadOnlyList<AuditRegel> nieuw, CancellationToken ct);
}

/// <summary>"Now" and "who" for the created/modified stamps (<see cref="StempelInterceptor"/>): the business clock and the same name <see cref="HuidigeGebruiker"/> gives.</summary>
public sealed class KoersStempelbron(Klok klok, IHttpContextAccessor http) : IStempelbron
{
    public DateTime NuUtc => klok.NuUtc;
    public string Wie => HuidigeGebruiker.NaamVan(http.HttpContext);
}
