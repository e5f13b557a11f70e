namespace Koers.Web.Features.Brp;

/// <summary>The case page's open BRP signals with their 'afgehandeld' action (the partial reads them itself).</summary>
public sealed class BrpOnderdeel : IDossieronderdeel
{
    public Dossierplek Plek => Dossierplek.NaKlantreis;

    public int Volgorde => DossieronderdeelVolgorde.Brp;

    public IReadOnlyCollection<string> Handlers { get; } = [];

    public Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct) =>
        Task.FromResult<Dossierdeel?>(new Dossierdeel("/Features/Brp/_BrpDossier.cshtml", dossierId));

    public Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct) => Task.FromResult<string?>(null);
}
