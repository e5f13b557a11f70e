namespace Koers.Web.Features.Netwerk.Resources;

/// <summary>Marker for the portal texts of group offers: PortaalGroepen.resx (Dutch) and its six translations.</summary>
public sealed class PortaalGroepen;
