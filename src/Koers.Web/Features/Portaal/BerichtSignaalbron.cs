using Koers.Web.Features.Werkvoorraad;

namespace Koers.Web.Features.Portaal;

/// <summary>The worklist section of this feature: Messages from the inburgeraar in the portal not yet answered.</summary>
public sealed class BerichtSignaalbron(BerichtSignalen berichten) : ISignaalbron
{
    public int Volgorde => SignaalbronVolgorde.Berichten;

    public async Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct) =>
        BerichtSignalen.Sectie(await berichten.OpenAsync(selectie, ct));
}
