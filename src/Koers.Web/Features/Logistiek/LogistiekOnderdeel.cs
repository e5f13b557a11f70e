namespace Koers.Web.Features.Logistiek;

/// <summary>One line in the case page's heading: home kern, lesson location, travel time and transport support, linked to the Reizen tab.</summary>
public sealed class LogistiekOnderdeel(LogistiekService logistiek) : IDossieronderdeel
{
    public Dossierplek Plek => Dossierplek.Kop;

    public int Volgorde => DossieronderdeelVolgorde.Logistiek;

    public IReadOnlyCollection<string> Handlers { get; } = [];

    public async Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct) =>
        await logistiek.KopAsync(dossierId, ct) is { } kop ? new Dossierdeel("/Features/Logistiek/_DossierLogistiek.cshtml", (dossierId, kop)) : null;

    public Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct) => Task.FromResult<string?>(null);
}
