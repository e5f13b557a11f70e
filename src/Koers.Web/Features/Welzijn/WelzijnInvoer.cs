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

/// <summary>
/// The appointment with the care provider on a referral: a date (empty with time and place empty too: the appointment is
/// removed), an optional time and place.
/// </summary>
public sealed class AfspraakInvoer
{
    public DateOnly? Datum { get; set; }
    public TimeOnly? Tijd { get; set; }
    public string? Plaats { get; set; }
}

/// <summary>"Nog niet startklaar": the reasons (texts from the municipality's list), the date, and optionally another recontact date than the default term.</summary>
public sealed class NietStartklaarInvoer
{
    public List<string> Redenen { get; set; } = [];
    public DateOnly? Datum { get; set; }
    public DateOnly? Herbenaderdatum { get; set; }
    public string? Toelichting { get; set; }
}

/// <summary>The settings the functioneel beheerder edits per municipality.</summary>
public sealed class WelzijnInstellingenInvoer
{
    /// <summary>The reasons for "nog niet startklaar", one per entry.</summary>
    public List<string> Redenen { get; set; } = [];
    public int? HerbenaderWeken { get; set; }
}
