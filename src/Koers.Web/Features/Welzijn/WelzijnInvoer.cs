using Koers.Data.Model;

namespace Koers.Web.Features.Welzijn;

/// <summary>A mental well-being screening as entered at the brede intake or a voortgangsgesprek.</summary>
public sealed class ScreeningInvoer
{
    public Screeningsmoment? Moment { get; set; }
    public Guid? Voortgangsgesprek { get; set; }
    public Welzijnssignaal? Signaal { get; set; }
    public Signaalsoort? Soort { get; set; }
    public Ernst? Ernst { get; set; }
    public Signaalherkomst? Bron { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Toelichting { get; set; }
}

/// <summary>A new referral to health care.</summary>
public sealed class ZorgverwijzingInvoer
{
    public Zorgsoort? Naar { get; set; }
    public string? Zorgaanbieder { get; set; }
    public DateOnly? AangemeldOp { get; set; }
    public DateOnly? Opvolgdatum { get; set; }
    public Guid? Screening { get; set; }
}

/// <summary>The next step of a referral: its new status on a date (a reason when refused or stopped), and a new follow-up date.</summary>
public sealed class ZorgstatusInvoer
{
    public Zorgstatus? Status { get; set; }
    public DateOnly? Datum { get; set; }
    public string? Reden { get; set; }
    public DateOnly? Opvolgdatum { get; set; }
}
