using Koers.Domain.Dossier;
using Koers.Domain.Sources;

namespace Koers.Domain.Duo;

/// <summary>The fields of a PIP as DUO receives them (PIP API 1.2.0, schema PIP), already translated to DUO codes.</summary>
public sealed record DuoPipVelden(
    DateOnly Dagtekening,
    string Leerroute,
    string? Niveau,
    int? GeschatteIntensiteitB1Route,
    string Alfabetisering,
    bool Asielmigrant,
    bool EerstePip,
    DateOnly? VorigeDagtekening);

/// <summary>
/// DUO's validation rules for a PIP submission (README of duonl/gemeente-m2m-inburgering, "Validatieregels PIP"),
/// checked before the message leaves Koers so that DUO's refusal is the exception. The same rules, per skill and
/// with Dutch explanations, block vaststelling in <see cref="Pip.PipRegels"/>; this is the last check on the message.
/// </summary>
public static class DuoPipControle
{
    public static readonly Citation Bron = new(
        "DUO M2M-koppelvlak PIP (duonl/gemeente-m2m-inburgering, f4973d4)", "README.md, Validatieregels PIP; API/PIP/openapi.yml 1.2.0",
        "Niveau A2 is niet toegestaan bij de onderwijsroute; niveau B1 is niet toegestaan bij de Z-route; A2 bij de B1-route niet bij het eerste PIP; geschatteIntensiteitB1Route alleen bij de B1-route en alleen voor asielmigranten.");

    public static IReadOnlyList<string> Controleer(DuoPipVelden p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var fouten = new List<string>();
        if (p.Leerroute is not ("B" or "O" or "Z")) fouten.Add($"Leerroute '{p.Leerroute}' kent DUO niet (B, O of Z).");
        if (p.Niveau is not (null or "A2" or "B1")) fouten.Add($"Niveau '{p.Niveau}' kent DUO niet (A2 of B1).");
        if (p.Alfabetisering is not ("A" or "AA" or "NVT")) fouten.Add($"Alfabetisering '{p.Alfabetisering}' kent DUO niet.");
        if (p.Leerroute == "O" && p.Niveau == "A2") fouten.Add("DUO staat niveau A2 niet toe bij de onderwijsroute.");
        if (p.Leerroute == "Z" && p.Niveau == "B1") fouten.Add("DUO staat niveau B1 niet toe bij de Z-route.");
        if (p.Leerroute == "B" && p.Niveau == "A2" && p.EerstePip) fouten.Add("DUO staat A2 bij de B1-route niet toe in het eerste PIP.");
        if (p.VorigeDagtekening is { } vorige && p.Dagtekening < vorige) fouten.Add("De dagtekening ligt vóór die van het vorige PIP.");
        if (p.GeschatteIntensiteitB1Route is { } uren)
        {
            if (p.Leerroute != "B" || !p.Asielmigrant) fouten.Add("De geschatte intensiteit hoort alleen bij de B1-route van een asielmigrant.");
            if (uren is < 1 or > 9999) fouten.Add("De geschatte intensiteit moet tussen 1 en 9999 uur liggen.");
        }

        return fouten;
    }

    public static DuoPipVelden Velden(Pip.PipInhoud inhoud, DateOnly dagtekening, Doelgroep doelgroep, bool eerstePip, DateOnly? vorigeDagtekening)
    {
        ArgumentNullException.ThrowIfNull(inhoud);
        return new DuoPipVelden(
            dagtekening,
            inhoud.Leerroute is { } r ? DuoVertaling.Leerroute(r) : "?",
            DuoVertaling.Niveau(inhoud),
            inhoud.GeschatteIntensiteitB1,
            DuoVertaling.Alfabetisering(inhoud.Alfabetisering),
            doelgroep.IsAsielgerelateerd(),
            eerstePip,
            vorigeDagtekening);
    }
}
