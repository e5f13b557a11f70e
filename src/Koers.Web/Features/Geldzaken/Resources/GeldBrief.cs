namespace Koers.Web.Features.Geldzaken.Resources;

/// <summary>Marker for the monthly statement letter's own texts: GeldBrief.resx (Dutch) and GeldBrief.{en,ar,fa,ti,tr,uk}.resx.</summary>
public sealed class GeldBrief;
