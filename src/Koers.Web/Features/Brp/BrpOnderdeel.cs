namespace Koers.Web.Features.Brp;

/// <summary>The case page's open BRP signals with their 'afgehandeld' action.</summary>
public sealed class BrpOnderdeel(BrpService brp) : IDossieronderdeel
{
    public Dossierplek Plek => Dossierplek.NaKlantreis;

    public int Volgorde => DossieronderdeelVolgorde.Brp;

    public IReadOnlyCollection<string> Handlers { get; } = [];

    // Read here, not in the partial: with the other parts, on a connection of its own (Kern.Dossierdelen).
    public async Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct) =>
        new Dossierdeel("/Features/Brp/_BrpSignalen.cshtml", (dossierId, await brp.OpenSignalenAsync(dossierId, ct)));

    public Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct) => Task.FromResult<string?>(null);
}
