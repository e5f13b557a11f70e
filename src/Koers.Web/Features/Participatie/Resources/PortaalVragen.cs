namespace Koers.Web.Features.Participatie.Resources;

/// <summary>Marker for the portal texts of the questionnaire: PortaalVragen.resx (Dutch) and PortaalVragen.{en,ar,fa,ti,tr,uk}.resx.</summary>
public sealed class PortaalVragen;
