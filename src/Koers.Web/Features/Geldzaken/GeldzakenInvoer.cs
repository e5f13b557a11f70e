using System.ComponentModel;

namespace Koers.Web.Features.Geldzaken;

/// <summary>The inrichtingskrediet of one case and the net bijstand the statement needs (form and API).</summary>
public sealed class KredietInvoer
{
    [Description("De dag dat de inburgeraar de sleutel van de woning in de gemeente kreeg; vanaf hier loopt de termijn.")] public DateOnly? HuisvestingOp { get; set; }
    public DateOnly? AangevraagdOp { get; set; }
    public DateOnly? ToegekendOp { get; set; }
    [Description("Toegekend bedrag in euro's, in hele centen.")] public decimal? ToegekendBedrag { get; set; }
    public DateOnly? UitbetaaldOp { get; set; }
    [Description("Uitbetaald bedrag in euro's; niet meer dan toegekend.")] public decimal? UitbetaaldBedrag { get; set; }
    public string? Notitie { get; set; }
    [Description("Netto bijstand per maand vóór de betalingen van het ontzorgen; nodig om in het maandoverzicht te tonen wat overblijft.")] public decimal? NettoBijstandPerMaand { get; set; }
}

/// <summary>A municipality's settings for geldzaken as functioneel beheer sets them.</summary>
public sealed class InstellingenInvoer
{
    [Description("Aantal dagen na huisvesting waarbinnen het inrichtingskrediet uitbetaald moet zijn (standaard 14).")] public int? InrichtingskredietTermijnDagen { get; set; }
}
