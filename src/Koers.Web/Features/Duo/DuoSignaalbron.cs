using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Features.Duo;

/// <summary>The worklist section of this feature: DUO notices that need an action (death, a decision, a PIP taken over).</summary>
public sealed class DuoSignaalbron(DuoActies acties) : ISignaalbron
{
    public int Volgorde => SignaalbronVolgorde.Duo;

    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct) =>
        DuoActies.Sectie(await acties.OpenAsync(selectie, ct));
}
