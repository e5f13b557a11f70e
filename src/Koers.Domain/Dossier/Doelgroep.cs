using Koers.Domain.Sources;

namespace Koers.Domain.Dossier;

/// <summary>Which group the inburgeraar belongs to; it drives who pays, ontzorgen and which law applies.</summary>
public enum Doelgroep
{
    Asielstatushouder,
    Nareiziger,
    Gezinsmigrant,
    OverigeMigrant,
    /// <summary>Still under the Wet inburgering 2013 (ELIP): guided, but no Wi2021 clock.</summary>
    Ondertussengroep,
    Vrijgesteld,
}

public enum Leerroute
{
    B1Route,
    Onderwijsroute,
    ZRoute,
}

public static class DoelgroepRegels
{
    /// <summary>Asielstatushouders and their nareizigers get maatschappelijke begeleiding and financieel ontzorgen.</summary>
    public static bool IsAsielgerelateerd(this Doelgroep doelgroep) =>
        doelgroep is Doelgroep.Asielstatushouder or Doelgroep.Nareiziger;

    /// <summary>The Wi2021 clock (PIP, termijn) runs for everyone except the Wi2013 group and the exempted.</summary>
    public static bool ValtOnderWi2021(this Doelgroep doelgroep) =>
        doelgroep is not (Doelgroep.Ondertussengroep or Doelgroep.Vrijgesteld);

    public static Citation? WaaromNietWi2021(this Doelgroep doelgroep) => doelgroep switch
    {
        Doelgroep.Ondertussengroep => Bron.Ondertussengroep,
        _ => null,
    };

    public static string Omschrijving(this Doelgroep doelgroep) => doelgroep switch
    {
        Doelgroep.Asielstatushouder => "Asielstatushouder",
        Doelgroep.Nareiziger => "Nareiziger",
        Doelgroep.Gezinsmigrant => "Gezinsmigrant",
        Doelgroep.OverigeMigrant => "Overige migrant",
        Doelgroep.Ondertussengroep => "Ondertussengroep (Wi2013)",
        Doelgroep.Vrijgesteld => "Vrijgesteld",
        _ => doelgroep.ToString(),
    };

    public static string Omschrijving(this Leerroute route) => route switch
    {
        Leerroute.B1Route => "B1-route",
        Leerroute.Onderwijsroute => "Onderwijsroute",
        Leerroute.ZRoute => "Z-route",
        _ => route.ToString(),
    };
}
