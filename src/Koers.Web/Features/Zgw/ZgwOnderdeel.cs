namespace Koers.Web.Features.Zgw;

/// <summary>The case page's state of the case in the municipality's zaaksysteem (the partial reads it itself, and shows nothing without one).</summary>
public sealed class ZgwOnderdeel : IDossieronderdeel
{
    public Dossierplek Plek => Dossierplek.NaKlantreis;

    public int Volgorde => DossieronderdeelVolgorde.Zaaksysteem;

    public IReadOnlyCollection<string> Handlers { get; } = [];

    public Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct) =>
        Task.FromResult<Dossierdeel?>(new Dossierdeel("/Features/Zgw/_ZgwDossier.cshtml", dossierId));

    public Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct) => Task.FromResult<string?>(null);
}
