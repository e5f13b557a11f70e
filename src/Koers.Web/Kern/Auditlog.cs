using System.Globalization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
public sealed class Auditlog(KoersDbContext db, Klok klok, HuidigeGebruiker gebruiker)
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
        var regel = new AuditRegel
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
        db.Audit.Add(regel);
        return regel;
    }

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

    public AuditRegel Aanmaken(Guid? dossier, string omschrijving, AuditObject? over = null, string? door = null, string? doel = null) =>
        Schrijf(AuditActie.Aanmaken, dossier, omschrijving, over, door, doel);

    public AuditRegel Wijzigen(Guid? dossier, string omschrijving, AuditObject? over = null, string? door = null, string? doel = null) =>
        Schrijf(AuditActie.Wijzigen, dossier, omschrijving, over, door, doel);
}

/// <summary>"Now" and "who" for the created/modified stamps (<see cref="StempelInterceptor"/>): the business clock and the same name <see cref="HuidigeGebruiker"/> gives.</summary>
public sealed class KoersStempelbron(Klok klok, IHttpContextAccessor http) : IStempelbron
{
    public DateTime NuUtc => klok.NuUtc;
    public string Wie => HuidigeGebruiker.NaamVan(http.HttpContext);
}
