using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Features.Ontzorgen;

/// <summary>The worklist section of this feature: Ontzorgen that ends soon or ended without a decision, and payment runs to check.</summary>
public sealed class OntzorgenSignaalbron(OntzorgenSignalenQuery signalen) : ISignaalbron
{
    public int Volgorde => SignaalbronVolgorde.Ontzorgen;

    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct) =>
        OntzorgenSignalenQuery.Sectie(await signalen.HaalAsync(selectie, vandaag, ct), selectie);
}
