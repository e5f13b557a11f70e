using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Web.Features.Portaal;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Koers.Web.Features.Berichten;

/// <summary>
/// Writes notifications to the inburgeraar into the outbox. Every method only adds rows to the caller's context, so
/// they are saved in the same transaction as their cause: an appointment is never made without its e-mail, nor the
/// reverse. Only for channels the person opted in to, and only with an address to send to. Texts are rendered now,
/// in the person's portal language, from Resources/Berichten.*.resx (the portal's own mechanism). What stays out:
/// the BSN, anything about health, and the content of letters and messages ('log in to read it'); an appointment
/// carries day, time and place, which the person needs.
/// </summary>
public sealed class BerichtOutbox(KoersDbContext db, IStringLocalizer<Resources.Berichten> t, BerichtOpties opties, Klok klok)
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>A talk planned, moved or cancelled. Call after <see cref="Voortgangsgesprek.Volgnummer"/> was raised.</summary>
    public async Task AfspraakAsync(Voortgangsgesprek g, NotificatieSoort soort, CancellationToken ct = default)
    {
        var (i, kanalen) = await OntvangerAsync(g.InburgeraarId, ct);
        if (i is null) return;
        // Without a place given: the municipality's name (its postal address is often a PO box, no place to meet).
        var plaats = string.IsNullOrWhiteSpace(g.Locatie) ? i.Gemeente!.Naam : g.Locatie;
        var annulering = soort == NotificatieSoort.AfspraakGeannuleerd;
        foreach (var kanaal in kanalen)
        {
            var taal = Taal(i);
            var (onderwerp, tekst) = InTaal(taal, () =>
            {
                var datum = Talen.Datum(g.GeplandOp);
                var wanneer = g.Tijd is { } tijd ? t["DatumTijd", datum, Tijd(tijd)].Value : datum;
                if (kanaal == Berichtkanaal.Sms)
                {
                    var sleutel = soort switch { NotificatieSoort.AfspraakGewijzigd => "Sms_AfspraakGewijzigd", NotificatieSoort.AfspraakGeannuleerd => "Sms_AfspraakGeannuleerd", _ => "Sms_Afspraak" };
                    return (string.Empty, t[sleutel, i.Gemeente!.Naam, wanneer, opties.PortaalUrl].Value);
                }

                var (o, inleiding) = soort switch
                {
                    NotificatieSoort.AfspraakGewijzigd => ("AfspraakGewijzigd_Onderwerp", "AfspraakGewijzigd_Tekst"),
                    NotificatieSoort.AfspraakGeannuleerd => ("AfspraakGeannuleerd_Onderwerp", "AfspraakGeannuleerd_Tekst"),
                    _ => ("AfspraakGepland_Onderwerp", "AfspraakGepland_Tekst"),
                };
                var regels = new List<string> { t[inleiding].Value, string.Empty, t["Wanneer", datum].Value };
                regels.Add(g.Tijd is { } tt ? t["Tijdstip", Tijd(tt)].Value : t["TijdOnbekend"].Value);
                regels.Add(t["Plaats", plaats].Value);
                regels.AddRange([string.Empty, t["Agenda"].Value]);
                return (t[o, wanneer].Value, Brief(i, regels));
            });
            var ics = kanaal == Berichtkanaal.Email ? InTaal(taal, () => Ics(g, i, plaats, annulering)) : null;
            Voeg(i, $"afspraak:{g.Id}:{g.Volgnummer}:{kanaal}", soort, kanaal, taal, onderwerp, tekst, ics, ics is null ? null : annulering ? "CANCEL" : "REQUEST");
        }
    }

    /// <summary>A new letter is readable in the portal: say so, never what it says.</summary>
    public async Task NieuweBriefAsync(Guid inburgeraarId, Guid beschikkingId, CancellationToken ct = default)
    {
        var (i, kanalen) = await OntvangerAsync(inburgeraarId, ct);
        if (i is null) return;
        foreach (var kanaal in kanalen)
        {
            var taal = Taal(i);
            var (onderwerp, tekst) = InTaal(taal, () => kanaal == Berichtkanaal.Sms
                ? (string.Empty, t["Sms_Brief", i.Gemeente!.Naam, opties.PortaalUrl].Value)
                : (t["Brief_Onderwerp"].Value, Brief(i, [t["Brief_Tekst", opties.PortaalUrl].Value])));
            Voeg(i, $"brief:{beschikkingId}:{kanaal}", NotificatieSoort.NieuweBrief, kanaal, taal, onderwerp, tekst, null, null);
        }
    }

    /// <summary>The klantregisseur wrote a message (saved already, so it has its id): announce it, without its text.</summary>
    public async Task BerichtAsync(Guid inburgeraarId, long berichtId, CancellationToken ct = default)
    {
        var (i, kanalen) = await OntvangerAsync(inburgeraarId, ct);
        if (i is null) return;
        var url = opties.PortaalUrl.TrimEnd('/') + "/berichten";
        foreach (var kanaal in kanalen)
        {
            var taal = Taal(i);
            var (onderwerp, tekst) = InTaal(taal, () => kanaal == Berichtkanaal.Sms
                ? (string.Empty, t["Sms_Bericht", i.Gemeente!.Naam, url].Value)
                : (t["Bericht_Onderwerp"].Value, Brief(i, [t["Bericht_Tekst", url].Value])));
            Voeg(i, $"bericht:{berichtId}:{kanaal}", NotificatieSoort.BerichtKlantregisseur, kanaal, taal, onderwerp, tekst, null, null);
        }
    }

    private async Task<(Inburgeraar? Inburgeraar, IReadOnlyList<Berichtkanaal> Kanalen)> OntvangerAsync(Guid id, CancellationToken ct)
    {
        var kanalen = await BerichtVoorkeuren.ActieveKanalenAsync(db, id, ct);
        if (kanalen.Count == 0) return (null, []);
        var i = await db.Inburgeraars.Include(x => x.Gemeente).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null || i.GeanonimiseerdOp is not null) return (null, []);
        // A channel without an address cannot be used; the consent form asks for one, so this is the exception.
        return (i, kanalen.Where(k => k == Berichtkanaal.Email ? !string.IsNullOrWhiteSpace(i.Email) : !string.IsNullOrWhiteSpace(i.Telefoon)).ToList());
    }

    private void Voeg(Inburgeraar i, string sleutel, NotificatieSoort soort, Berichtkanaal kanaal, string taal, string onderwerp, string tekst, string? ics, string? methode)
    {
        // The unique index on Sleutel is the real guard; this spares the caller a failing SaveChanges when the same
        // cause is reported twice within one unit of work.
        if (db.ChangeTracker.Entries<Notificatie>().Any(e => e.Entity.Sleutel == sleutel)) return;
        db.Notificaties.Add(new Notificatie
        {
            Id = Guid.NewGuid(),
            InburgeraarId = i.Id,
            Sleutel = sleutel,
            Soort = soort,
            Kanaal = kanaal,
            Taal = taal,
            Aan = kanaal == Berichtkanaal.Email ? i.Email!.Trim() : i.Telefoon!.Trim(),
            Onderwerp = onderwerp,
            Tekst = tekst,
            Ics = ics,
            IcsMethode = methode,
            Status = NotificatieStatus.Wachtend,
        });
    }

    private string Brief(Inburgeraar i, IEnumerable<string> regels) => string.Join("\n",
        new[] { t["Aanhef", $"{i.Voornamen} {i.Achternaam}"].Value, string.Empty }
            .Concat(regels)
            .Concat([string.Empty, t["Groet", i.Gemeente!.Naam].Value, string.Empty, "—", t["Voet", opties.PortaalUrl.TrimEnd('/') + "/berichten"].Value]));

    private static string Taal(Inburgeraar i) => Talen.Bestaat(i.PortaalTaal) ? i.PortaalTaal! : "nl";

    private static string Tijd(TimeOnly tijd) => tijd.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Renders in the person's language: the localizer and <see cref="Talen.Datum"/> read the current UI culture.</summary>
    private static T InTaal<T>(string taal, Func<T> maak)
    {
        var vorige = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(taal);
            return maak();
        }
        finally
        {
            CultureInfo.CurrentUICulture = vorige;
        }
    }

    /// <summary>
    /// iCalendar (RFC 5545/5546) for the talk: the UID is the talk's id, so every later message about it updates the
    /// same calendar entry; SEQUENCE is the talk's Volgnummer, so a calendar takes the newest; METHOD CANCEL removes
    /// it. Times in UTC (unambiguous, no VTIMEZONE needed); a talk without a time is an all-day entry.
    /// </summary>
    private string Ics(Voortgangsgesprek g, Inburgeraar i, string plaats, bool annulering)
    {
        var agenda = new Ical.Net.Calendar { Method = annulering ? "CANCEL" : "REQUEST", ProductId = "-//Koers//Berichten//NL" };
        var e = new CalendarEvent
        {
            Uid = $"{g.Id:D}@koers",
            Sequence = g.Volgnummer,
            Summary = t["AgendaTitel"].Value,
            Location = plaats,
            DtStamp = new CalDateTime(klok.NuUtc, "UTC", true),
            Status = annulering ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer("mailto:" + opties.Smtp.Afzender) { CommonName = $"Gemeente {i.Gemeente!.Naam}" },
        };
        if (g.Tijd is { } tijd)
        {
            var lokaal = g.GeplandOp.ToDateTime(tijd, DateTimeKind.Unspecified);
            var utc = TimeZoneInfo.ConvertTimeToUtc(lokaal, Amsterdam);
            e.DtStart = new CalDateTime(utc, "UTC", true);
            e.DtEnd = new CalDateTime(utc.AddHours(1), "UTC", true);
        }
        else
        {
            e.DtStart = new CalDateTime(g.GeplandOp);
            e.DtEnd = new CalDateTime(g.GeplandOp.AddDays(1));
        }

        if (!string.IsNullOrWhiteSpace(i.Email)) e.Attendees.Add(new Attendee("mailto:" + i.Email.Trim()) { CommonName = $"{i.Voornamen} {i.Achternaam}", Rsvp = false });
        agenda.Events.Add(e);
        return new CalendarSerializer().SerializeToString(agenda)!;
    }
}
