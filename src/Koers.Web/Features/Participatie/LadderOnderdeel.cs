namespace Koers.Web.Features.Participatie;

/// <summary>The newest participatieladder score in the case page's heading, linked to the participation tab.</summary>
public sealed class LadderOnderdeel(ParticipatieService participatie) : IDossieronderdeel
{
    public Dossierplek Plek => Dossierplek.Kop;

    public int Volgorde => DossieronderdeelVolgorde.Participatieladder;

    public IReadOnlyCollection<string> Handlers { get; } = [];

    public async Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct) =>
        await participatie.LaatsteLadderAsync(dossierId, ct) is { } ladder
            ? new Dossierdeel("/Features/Participatie/_DossierLadder.cshtml", (dossierId, ladder))
            : null;

    public Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct) => Task.FromResult<string?>(null);
}
