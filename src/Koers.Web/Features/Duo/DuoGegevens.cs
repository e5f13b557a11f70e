using Koers.Web.Features.Dossier;

namespace Koers.Web.Features.Duo;

/// <summary>What DUO knows about one person beyond the events: the history of plicht, doelgroep and termijn (with the
/// grounds of each extension), the free exam attempts left, the exam number for the leerbaarheidstoets, the hours every
/// municipality reported (GET uren) and the MAP and PVT dates DUO holds (GET map, GET pvt).</summary>
public sealed record DuoGegevensStand(
    IReadOnlyList<DuoInburgeringsplichthistorie> Plicht,
    IReadOnlyList<DuoDoelgroephistorie> Doelgroep,
    IReadOnlyList<DuoInburgeringstermijnhistorie> Termijn,
    IReadOnlyList<DuoGratisPogingTegoed> GratisPogingen,
    string? LbtExamennummer,
    string? Fout,
    IReadOnlyList<DuoGevolgdeUren>? Uren = null,
    DateOnly? MapEindgesprek = null,
    DateOnly? PvtOndertekend = null);

/// <summary>
/// Reads DUO's data for one case on request (read-only; nothing is stored). Access and the audit row come from
/// <see cref="DossierService.InzienAsync"/>: a person's data at DUO is read only for a case within reach, and logged.
/// </summary>
public sealed class DuoGegevens(DossierService dossiers, DuoClient duo, ILogger<DuoGegevens> log)
{
    public const string Doel = "DUO-gegevens opgevraagd (historie, gratis examenpogingen, examennummer leerbaarheidstoets, uren, MAP en PVT)";

    /// <summary>Null when the case is unknown or out of reach.</summary>
    public async Task<DuoGegevensStand?> LeesAsync(Guid id, CancellationToken ct = default)
    {
        var dossier = await dossiers.InzienAsync(id, Doel, ct);
        if (dossier is null) return null;
        if (dossier.Bsn is not { } nummer) return new([], [], [], [], null, "Het dossier heeft geen BSN; DUO kan zonder BSN niets opzoeken.");
        // DUO's APIs take the full number (the value type would print masked).
        var bsn = nummer.Value;
        try
        {
            var gronden = await duo.VerlengingsgrondenAsync(ct);
            var termijn = (await duo.InburgeringstermijnHistorieAsync(bsn, ct))
                // DUO's own description when the historie leaves it out.
                .Select(t => t.Verlengingsgrondomschrijving is null && t.Verlengingsgrondcode is { } c && gronden.FirstOrDefault(g => g.Code == c) is { } g
                    ? t with { Verlengingsgrondomschrijving = g.Omschrijving }
                    : t)
                .ToList();
            return new DuoGegevensStand(
                await duo.InburgeringsplichtHistorieAsync(bsn, ct),
                await duo.DoelgroepHistorieAsync(bsn, ct),
                termijn,
                await duo.GratisPogingenAsync(bsn, ct),
                (await duo.LbtExamennummerAsync(bsn, ct))?.Examennummer,
                null,
                await duo.GevolgdeUrenAsync(bsn, ct),
                (await duo.MapAsync(bsn, ct))?.DatumEindgesprekMap,
                (await duo.PvtAsync(bsn, ct))?.DatumOndertekeningPvt);
        }
        catch (DuoOnbereikbaarException e)
        {
            log.LogWarning("DUO-gegevens niet opgehaald: {Melding}", e.Message);
            return new([], [], [], [], null, "DUO is nu niet bereikbaar. Probeer het later opnieuw.");
        }
        catch (DuoWeigeringException e)
        {
            return new([], [], [], [], null, "DUO gaf geen gegevens: " + string.Join(" ", e.Fouten));
        }
    }
}
