using Koers.Data.Model;

namespace Koers.Web.Kern;

/// <summary>
/// Reads the parts of the case page (<see cref="IDossieronderdeel"/>) at the same time, each on a connection of its own,
/// after the page opened the case (issue #21). One after another on the request's <c>DbContext</c>, the page's fourteen
/// part statements were fourteen waits in a row; now a few readers (<see cref="Gelijktijdig"/>) each take the next part
/// until none is left, so the page waits for its longest reader, not for the sum.
///
/// A <c>DbContext</c> serves one statement at a time, so each reader has a scope of its own, which carries what the page
/// already decided: the user's reach and the opened case (<see cref="Toegang.NeemOver"/>), so a part decides exactly as
/// in the page's scope and without asking again. What the parts note for the audit comes back to the page: their audit rows
/// are saved in the page's bundle, before anything is rendered (<see cref="Auditlog.VerzamelAsync"/>), and their access
/// checks join the request's (<see cref="AuditVerzoek.VoegToe"/>). A part that fails fails the page, as before.
/// </summary>
public sealed class Dossierdelen(IServiceScopeFactory scopes, IEnumerable<IDossieronderdeel> onderdelen, Toegang toegang, Auditlog audit,
    AuditVerzoek verzoek, IConfiguration configuration)
{
    /// <summary>
    /// How many parts are read at once (<c>Koers:Dossierpagina:Gelijktijdig</c>, default 4): each is a connection from the
    /// pool for the length of the page's reads. 1 reads them one after another (in one scope of its own).
    /// </summary>
    public int Gelijktijdig { get; } = Math.Max(1, configuration.GetValue("Koers:Dossierpagina:Gelijktijdig", 4));

    /// <summary>
    /// The parts for a case this request opened, in the page's order (place, then order); parts that show nothing are left
    /// out. <paramref name="intussen"/> is the page's own further reading on the request's <c>DbContext</c>, done meanwhile;
    /// the parts' audit rows join that context only after both are done (a context serves one thing at a time).
    /// </summary>
    public async Task<IReadOnlyList<(Dossierplek Plek, Dossierdeel Deel)>> LaadAsync(Guid dossierId, string? handler, Func<Task> intussen, CancellationToken ct)
    {
        var volgorde = onderdelen.OrderBy(o => o.Plek).ThenBy(o => o.Volgorde).ToList();
        var delen = new Dossierdeel?[volgorde.Count];
        var regels = new IReadOnlyList<AuditRegel>[volgorde.Count];
        var volgende = -1;

        async Task<AuditVerzoek> LezerAsync()
        {
            await using var scope = scopes.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<Toegang>().NeemOver(toegang);
            var eigen = sp.GetRequiredService<Auditlog>();
            for (var i = Interlocked.Increment(ref volgende); i < volgorde.Count; i = Interlocked.Increment(ref volgende))
            {
                // The same part, made in this scope (with this scope's DbContext and services).
                var onderdeel = (IDossieronderdeel)sp.GetRequiredService(volgorde[i].GetType());
                var plek = i;
                regels[plek] = await eigen.VerzamelAsync(async () => delen[plek] = await onderdeel.LaadAsync(dossierId, handler, ct));
            }

            return sp.GetRequiredService<AuditVerzoek>();
        }

        var lezers = Task.WhenAll(Enumerable.Range(0, Math.Min(Gelijktijdig, volgorde.Count)).Select(_ => Task.Run(LezerAsync, ct)));
        // Both to the end, also when one fails: no reader is left running on what the request is about to leave.
        await Task.WhenAll(lezers, intussen());
        foreach (var lezer in await lezers) verzoek.VoegToe(lezer);
        // In the page's order, whichever reader read them: the audit rows as the page read one part after another.
        foreach (var r in regels) audit.NeemOp(r);
        return [.. volgorde.Select((o, i) => (o.Plek, Deel: delen[i])).Where(x => x.Deel is not null).Select(x => (x.Plek, x.Deel!))];
    }
}
