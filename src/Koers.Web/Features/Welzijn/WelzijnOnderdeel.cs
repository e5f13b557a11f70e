namespace Koers.Web.Features.Welzijn;

/// <summary>One line in the case page's heading: running health referrals and a re-check due, linked to the Welzijn tab (counts only).</summary>
public sealed class WelzijnOnderdeel(WelzijnService welzijn) : IDossieronderdeel
{
    public Dossierplek Plek => Dossierplek.Kop;

    public int Volgorde => DossieronderdeelVolgorde.Welzijn;

    public IReadOnlyCollection<string> Handlers { get; } = [];

    public async Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct) =>
        await welzijn.KopAsync(dossierId, ct) is { } kop ? new Dossierdeel("/Features/Welzijn/_DossierWelzijn.cshtml", (dossierId, kop)) : null;

    public Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct) => Task.FromResult<string?>(null);
}
