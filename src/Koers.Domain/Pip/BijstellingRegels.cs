using System.Globalization;
using Koers.Domain.Dossier;
using Koers.Domain.Sources;

namespace Koers.Domain.Pip;

/// <summary>
/// A bijstelling is a new PIP beschikking that replaces the one in force. It needs a reason (Awb 3:46),
/// a dagtekening not before the previous one (DUO), a real change, and it must meet every PIP rule.
/// </summary>
public static class BijstellingRegels
{
    public const int MinLengteReden = 10;

    /// <summary>
    /// All blocking findings for replacing <paramref name="vorige"/> by <paramref name="nieuwe"/>.
    /// <paramref name="context"/> describes the new version (its dagtekening, today, the LBT); when it
    /// does not say so itself, the previous PIP and its dagtekening are taken as known. PIP warnings are
    /// not included: call <see cref="PipRegels.Controleer"/> for those.
    /// </summary>
    public static IReadOnlyList<Overtreding> Controleer(PipInhoud vorige, PipInhoud nieuwe, PipContext context, string? reden)
    {
        ArgumentNullException.ThrowIfNull(vorige);
        ArgumentNullException.ThrowIfNull(nieuwe);
        ArgumentNullException.ThrowIfNull(context);
        var fouten = new List<Overtreding>();

        var motivering = reden?.Trim();
        if (string.IsNullOrEmpty(motivering))
        {
            fouten.Add(new("Reden",
                "Schrijf op waarom het PIP wordt bijgesteld. Een besluit moet een goede uitleg hebben.", Bron.Motiveringsbeginsel));
        }
        else if (motivering.Length < MinLengteReden)
        {
            fouten.Add(new("Reden",
                $"De reden voor de bijstelling is te kort: schrijf minstens {MinLengteReden} tekens.", Bron.Motiveringsbeginsel));
        }

        if (context.VorigeDagtekening is null)
        {
            fouten.Add(new(nameof(PipContext.VorigeDagtekening),
                "De dagtekening van het vorige PIP ontbreekt. Die is nodig om de nieuwe dagtekening te controleren.",
                Bron.DuoDagtekeningNaVorigePip));
        }

        if (Wijzigingen(vorige, nieuwe).Count == 0)
        {
            fouten.Add(new("Bijstelling",
                "Er is niets veranderd ten opzichte van het vorige PIP. Pas eerst iets aan, of stel het PIP niet bij.",
                Bron.PipTussentijdsWijzigen));
        }

        // A bijstelling always follows a PIP, so the PIP rules see a previous PIP (A2 with the B1-route
        // is then allowed, and the 10-week term no longer applies). The dagtekening rule is in there too.
        var pipContext = context with { VorigePip = context.VorigePip ?? vorige, HeeftEerderPipGehad = true };
        fouten.AddRange(PipRegels.Controleer(nieuwe, pipContext).Fouten);
        return fouten;
    }

    /// <summary>
    /// What changed, one Dutch line per change, in the order of the PIP letter; e.g.
    /// "Leerroute: B1-route → Z-route" or "Niveau spreken: B1 → A2". Levels are compared after the
    /// DUO default (a missing level in the B1- or onderwijsroute is B1).
    /// </summary>
    public static IReadOnlyList<string> Wijzigingen(PipInhoud vorige, PipInhoud nieuwe)
    {
        ArgumentNullException.ThrowIfNull(vorige);
        ArgumentNullException.ThrowIfNull(nieuwe);
        var oud = PipRegels.Normaliseer(vorige);
        var nieuw = PipRegels.Normaliseer(nieuwe);
        var regels = new List<string>();

        void Vergelijk(string onderwerp, string? van, string? naar)
        {
            van = Leeg(van);
            naar = Leeg(naar);
            if (!string.Equals(van, naar, StringComparison.Ordinal))
            {
                regels.Add($"{onderwerp}: {van ?? "geen"} → {naar ?? "geen"}");
            }
        }

        void VergelijkLijst(string enkelvoud, IEnumerable<string> van, IEnumerable<string> naar)
        {
            var oudeSet = van.Select(Leeg).OfType<string>().ToList();
            var nieuweSet = naar.Select(Leeg).OfType<string>().ToList();
            regels.AddRange(nieuweSet.Except(oudeSet, StringComparer.Ordinal).Select(x => $"{enkelvoud} toegevoegd: {x}"));
            regels.AddRange(oudeSet.Except(nieuweSet, StringComparer.Ordinal).Select(x => $"{enkelvoud} vervallen: {x}"));
        }

        Vergelijk("Leerroute", oud.Leerroute?.Omschrijving(), nieuw.Leerroute?.Omschrijving());
        foreach (var vaardigheid in Enum.GetValues<Vaardigheid>())
        {
            Vergelijk($"Niveau {vaardigheid.Omschrijving().ToLowerInvariant()}",
                oud.Niveaus.TryGetValue(vaardigheid, out var v) ? v.Omschrijving() : null,
                nieuw.Niveaus.TryGetValue(vaardigheid, out var n) ? n.Omschrijving() : null);
        }

        Vergelijk("Alfabetisering", oud.Alfabetisering.Omschrijving(), nieuw.Alfabetisering.Omschrijving());
        Vergelijk("KNM", JaNee(oud.Knm), JaNee(nieuw.Knm));
        Vergelijk("PVT", JaNee(oud.Pvt), JaNee(nieuw.Pvt));
        Vergelijk("MAP", JaNee(oud.Map), JaNee(nieuw.Map));
        Vergelijk("Participatie", oud.Participatie.Omschrijving(), nieuw.Participatie.Omschrijving());
        Vergelijk("Omschrijving participatie", oud.ParticipatieOmschrijving, nieuw.ParticipatieOmschrijving);
        Vergelijk("Maatschappelijke begeleiding", JaNee(oud.MaatschappelijkeBegeleiding), JaNee(nieuw.MaatschappelijkeBegeleiding));
        Vergelijk("Financieel ontzorgen", JaNee(oud.Ontzorgen), JaNee(nieuw.Ontzorgen));
        Vergelijk("Hoofddoel", oud.Hoofddoel?.Omschrijving(), nieuw.Hoofddoel?.Omschrijving());
        VergelijkLijst("Subdoel", oud.Subdoelen, nieuw.Subdoelen);
        VergelijkLijst("Aandachtspunt", oud.Aandachtspunten.Select(a => a.Omschrijving()), nieuw.Aandachtspunten.Select(a => a.Omschrijving()));
        Vergelijk("Aanbieder", oud.Aanbieder, nieuw.Aanbieder);
        Vergelijk("Geplande start", oud.GeplandeStart?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), nieuw.GeplandeStart?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        Vergelijk("Geschatte uren B1-route", Uren(oud.GeschatteIntensiteitB1), Uren(nieuw.GeschatteIntensiteitB1));
        Vergelijk("Voortgangsgesprekken per jaar", oud.AantalVoortgangsgesprekkenPerJaar?.ToString(CultureInfo.InvariantCulture), nieuw.AantalVoortgangsgesprekkenPerJaar?.ToString(CultureInfo.InvariantCulture));

        // The motivation can be long; say only that it changed.
        var oudeMotivatie = Leeg(oud.MotivatieAfwijkingLbt);
        var nieuweMotivatie = Leeg(nieuw.MotivatieAfwijkingLbt);
        if (!string.Equals(oudeMotivatie, nieuweMotivatie, StringComparison.Ordinal))
        {
            var wat = oudeMotivatie is null ? "toegevoegd" : nieuweMotivatie is null ? "vervallen" : "aangepast";
            regels.Add($"Uitleg afwijking leerbaarheidstoets: {wat}");
        }

        return regels;
    }

    private static string? Leeg(string? tekst) => string.IsNullOrWhiteSpace(tekst) ? null : tekst.Trim();

    private static string JaNee(bool waarde) => waarde ? "ja" : "nee";

    private static string? Uren(int? uren) => uren is { } u ? $"{u} uur" : null;
}
