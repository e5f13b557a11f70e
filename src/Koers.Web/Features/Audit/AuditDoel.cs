namespace Koers.Web.Features.Audit;

/// <summary>
/// The purposes (doelbinding) an audit row records. Decided once for the whole app from the part of Koers a request
/// belongs to, so no feature has to remember it; a feature may still set a more precise purpose on its row.
/// </summary>
public static class AuditDoel
{
    public const string Dossierbehandeling = "dossierbehandeling";
    public const string KetenpartnerBegeleiding = "ketenpartner begeleiding";
    public const string KetenpartnerVoortgang = "ketenpartner voortgang";
    public const string Monitor = "monitor";
    public const string Audit = "audit";
    public const string AvgInzage = "AVG-inzage";
    public const string Portaal = "eigen dossier (portaal)";
    public const string Beheer = "functioneel beheer";
    public const string Duo = "DUO-uitwisseling";
    public const string Systeem = "systeem";

    public static string Voor(HttpContext? context)
    {
        if (context is null) return Systeem;
        var pad = context.Request.Path.Value ?? string.Empty;
        if (pad.StartsWith("/api/v1/", StringComparison.OrdinalIgnoreCase)) pad = pad["/api/v1".Length..];
        bool Onder(string deel) => pad.Equals(deel, StringComparison.OrdinalIgnoreCase) || pad.StartsWith(deel + "/", StringComparison.OrdinalIgnoreCase);

        if (Onder("/partner/rapportage") || Onder("/partner/inburgeraars") || Onder("/partner/uren")) return KetenpartnerVoortgang;
        if (Onder("/partner")) return KetenpartnerBegeleiding;
        if (Onder("/monitor")) return Monitor;
        if (Onder("/audit")) return Audit;
        if (Onder("/mijn")) return Portaal;
        if (Onder("/duo")) return Duo;
        if (Onder("/beheer") || Onder("/handhaving") || Onder("/ontzorgen")) return Beheer;
        if (pad.EndsWith("/inzage", StringComparison.OrdinalIgnoreCase)) return AvgInzage;
        return Dossierbehandeling;
    }
}
