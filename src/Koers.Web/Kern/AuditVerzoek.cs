namespace Koers.Web.Kern;

/// <summary>
/// What one request did with cases, for the audit at its end (<see cref="AuditVerzoeken"/>): the cases the access checks
/// allowed or refused, the cases that got an audit row, and a refusal by a role policy. Scoped: one per request.
/// </summary>
public sealed class AuditVerzoek
{
    /// <summary>Cases the access checks (Toegang) allowed in this request.</summary>
    public HashSet<Guid> Toegestaan { get; } = [];

    /// <summary>Cases the access checks refused, with the reason (the user sees only a 404).</summary>
    public Dictionary<Guid, string> Geweigerd { get; } = [];

    /// <summary>
    /// Refusals to log whatever the response is: the request went on with a validation error that reveals nothing (e.g. a BSN
    /// that is already in a case outside the user's reach).
    /// </summary>
    public Dictionary<Guid, string> GeweigerdInStilte { get; } = [];

    /// <summary>Cases that got an audit row in this request (any row: a read or a change).</summary>
    public HashSet<Guid> Gelogd { get; } = [];

    /// <summary>Set when a role policy refused the request (403).</summary>
    public string? Verboden { get; set; }

    /// <summary>
    /// Takes over what a part of the page noted in a scope of its own (<see cref="Dossierdelen"/>): its checks belong to
    /// this request and are audited at its end like the page's own.
    /// </summary>
    internal void VoegToe(AuditVerzoek deel)
    {
        Toegestaan.UnionWith(deel.Toegestaan);
        foreach (var (id, reden) in deel.Geweigerd) Geweigerd.TryAdd(id, reden);
        foreach (var (id, reden) in deel.GeweigerdInStilte) GeweigerdInStilte.TryAdd(id, reden);
        Gelogd.UnionWith(deel.Gelogd);
        Verboden ??= deel.Verboden;
    }
}
