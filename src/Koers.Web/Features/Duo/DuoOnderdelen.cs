using Koers.Web.Infrastructure;

namespace Koers.Web.Features.Duo;

/// <summary>
/// The exchange with DUO on the case page: DUO's refusals (offered again from there), the events DUO reported and the
/// actions they ask for.
/// </summary>
public sealed class DuoUitwisselingOnderdeel(DuoActies acties, DuoInbox inbox, DuoOutbox outbox, DuoOverzicht overzicht, Toegang toegang, HuidigeGebruiker gebruiker)
    : IDossieronderdeel
{
    public Dossierplek Plek => Dossierplek.NaKlantreis;

    public int Volgorde => DossieronderdeelVolgorde.DuoUitwisseling;

    public IReadOnlyCollection<string> Handlers { get; } = ["DuoActieAfgehandeld", "DuoMeldingOpnieuw", "DuoBerichtOpnieuw"];

    /// <summary>The exchange (<see cref="DuoOverzicht.BerichtenAsync"/>); the partial shows nothing when there is none.</summary>
    public async Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct) =>
        new Dossierdeel("/Features/Duo/_DuoUitwisseling.cshtml", (dossierId, await overzicht.BerichtenAsync(dossierId, ct)));

    public async Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct)
    {
        var gedaan = handler switch
        {
            // The action a DUO event asked for (a death, a decision, a PIP taken over) is done: off the worklist, audited.
            "DuoActieAfgehandeld" => long.TryParse(formulier["melding"], out var melding) && await acties.AfhandelenAsync(dossierId, melding, ct),
            // A parked DUO event of this case is offered again (after the case was corrected).
            "DuoMeldingOpnieuw" => long.TryParse(formulier["melding"], out var geparkeerd)
                                   && await toegang.MagDossierAsync(dossierId, ct) && await inbox.OpnieuwVoorDossierAsync(dossierId, geparkeerd, gebruiker.Naam, ct),
            // A message DUO refused is offered again (DUO's data may have changed since).
            "DuoBerichtOpnieuw" => Guid.TryParse(formulier["bericht"], out var bericht)
                                   && await outbox.IsVanDossierAsync(bericht, dossierId, ct) && await toegang.MagDossierAsync(dossierId, ct) && await outbox.OpnieuwAsync(bericht, ct),
            _ => false,
        };
        return gedaan ? "#duo" : null;
    }
}

/// <summary>DUO's data for this person on the case page, read from DUO only on request (<c>?handler=DuoGegevens</c>; audited by <see cref="DuoGegevens"/>).</summary>
public sealed class DuoGegevensOnderdeel(DuoGegevens gegevens) : IDossieronderdeel
{
    public const string Handler = "DuoGegevens";

    public Dossierplek Plek => Dossierplek.NaKlantreis;

    public int Volgorde => DossieronderdeelVolgorde.DuoGegevens;

    public IReadOnlyCollection<string> Handlers { get; } = [];

    public async Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct)
    {
        var stand = string.Equals(handler, Handler, StringComparison.OrdinalIgnoreCase) ? await gegevens.LeesAsync(dossierId, ct) : null;
        return new Dossierdeel("/Features/Duo/_DuoGegevens.cshtml", (dossierId, stand));
    }

    public Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct) => Task.FromResult<string?>(null);
}
