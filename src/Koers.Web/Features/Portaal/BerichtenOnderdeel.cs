namespace Koers.Web.Features.Portaal;

/// <summary>The case page's section of messages the inburgeraar sent from the portal, each with its 'afgehandeld' button.</summary>
public sealed class BerichtenOnderdeel(BerichtSignalen berichten) : IDossieronderdeel
{
    public Dossierplek Plek => Dossierplek.NaMijlpalen;

    public int Volgorde => DossieronderdeelVolgorde.Berichten;

    public IReadOnlyCollection<string> Handlers { get; } = ["BerichtAfgehandeld"];

    public async Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct)
    {
        var lijst = await berichten.VanDossierAsync(dossierId, ct);
        return lijst.Count == 0 ? null : new Dossierdeel("/Features/Portaal/_DossierBerichten.cshtml", lijst);
    }

    /// <summary>A message is answered or dealt with: off the worklist, audited. Only the message is needed: the case itself is not loaded (nor logged as read) to set one flag.</summary>
    public async Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct) =>
        long.TryParse(formulier["bericht"], out var bericht) && await berichten.AfhandelenAsync(dossierId, bericht, ct) ? "#berichten" : null;
}
