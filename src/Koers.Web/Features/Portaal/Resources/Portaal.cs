namespace Koers.Web.Features.Portaal.Resources;

/// <summary>Marker for the portal's texts: Portaal.resx (Dutch) and Portaal.{en,ar,fa,ti,tr,uk}.resx beside it.</summary>
public sealed class Portaal;
