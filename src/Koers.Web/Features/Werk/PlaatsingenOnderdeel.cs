namespace Koers.Web.Features.Werk;

/// <summary>The running placements in the case page's heading, linked to the Werk tab.</summary>
public sealed class PlaatsingenOnderdeel(WerkService werk) : IDossieronderdeel
{
    public Dossierplek Plek => Dossierplek.Kop;

    public int Volgorde => DossieronderdeelVolgorde.Plaatsingen;

    public IReadOnlyCollection<string> Handlers { get; } = [];

    public async Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct) =>
        await werk.LopendAsync(dossierId, ct) is { Count: > 0 } lopend
            ? new Dossierdeel("/Features/Werk/_DossierPlaatsingen.cshtml", (dossierId, lopend))
            : null;

    public Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct) => Task.FromResult<string?>(null);
}
