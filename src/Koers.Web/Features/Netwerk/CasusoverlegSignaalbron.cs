using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Features.Netwerk;

/// <summary>The worklist section of this feature: actions agreed in a casusoverleg that are due or overdue.</summary>
public sealed class CasusoverlegSignaalbron(CasusoverlegService overleggen) : ISignaalbron
{
    public int Volgorde => SignaalbronVolgorde.Casusoverleg;

    public Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct) => overleggen.SectieAsync(selectie, vandaag, ct);
}
