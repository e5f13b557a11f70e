using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Features.Geldzaken;

/// <summary>The worklist section of this feature: Inrichtingskrediet whose term runs out.</summary>
public sealed class KredietSignaalbron(KredietSignalenQuery krediet) : ISignaalbron
{
    public int Volgorde => SignaalbronVolgorde.Krediet;

    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct) =>
        KredietSignalenQuery.Sectie(await krediet.HaalAsync(selectie, vandaag, ct));
}
