namespace Koers.Web.Features.Werk.Resources;

/// <summary>Marker for the portal texts of the inburgeraar's own placements: PortaalWerk.resx (Dutch) and the six other portal languages.</summary>
public sealed class PortaalWerk;
