namespace Koers.Web.Features.Netwerk.Resources;

/// <summary>Marker for the portal texts of the sociale kaart: PortaalNetwerk.resx (Dutch) and PortaalNetwerk.en.resx.</summary>
public sealed class PortaalNetwerk;
