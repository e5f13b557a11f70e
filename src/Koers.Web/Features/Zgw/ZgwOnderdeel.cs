namespace Koers.Web.Features.Zgw;

/// <summary>The case page's state of the case in the municipality's zaaksysteem (nothing without one).</summary>
public sealed class ZgwOnderdeel(ZgwService zgw) : IDossieronderdeel
{
    public Dossierplek Plek => Dossierplek.NaKlantreis;

    public int Volgorde => DossieronderdeelVolgorde.Zaaksysteem;

    public IReadOnlyCollection<string> Handlers { get; } = [];

    // Read here, not in the partial: with the other parts, on a connection of its own (Kern.Dossierdelen).
    public async Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct) =>
        new Dossierdeel("/Features/Zgw/_ZgwDossier.cshtml", (dossierId, await zgw.StandOpDossierpaginaAsync(dossierId, ct)));

    public Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct) => Task.FromResult<string?>(null);
}
