namespace Koers.Web.Features.Welzijn.Resources;

/// <summary>Marker for the portal texts of the referrals: PortaalWelzijn.resx (Dutch) and PortaalWelzijn.en.resx.</summary>
public sealed class PortaalWelzijn;
