namespace Koers.Web.Features.Berichten.Resources;

/// <summary>Marker for the texts of notifications and the portal's notification page: Berichten.resx (Dutch) and Berichten.{en,ar,fa,ti,tr,uk}.resx.</summary>
public sealed class Berichten;
