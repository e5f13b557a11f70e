using System.Globalization;
using Koers.Domain.Geldzaken;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Portaal;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Koers.Web.Features.Geldzaken;

/// <summary>
/// The inburgeraar's own monthly statement in the portal, in the language they chose: what the municipality paid from
/// their bijstand, to whom, what is left and until when. Only their own case (there is no id to ask for); the read is audited.
/// </summary>
public sealed class MijnModel(Toegang toegang, GeldzakenService geldzaken, Klok klok) : PageModel
{
    public const string Doel = "Portaal: eigen maandoverzicht bekeken";

    [BindProperty(SupportsGet = true)] public string? Maand { get; set; }

    public OverzichtStand? Stand { get; private set; }
    public bool MaandOngeldig { get; private set; }
    public IReadOnlyList<DateOnly> Maanden { get; private set; } = [];
    public DateOnly Vandaag => klok.Vandaag;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (bereik.EigenDossier is not { } id) return Page();
        if (!GeldzakenApi.LeesMaand(Maand, klok, out var maand, out _))
        {
            MaandOngeldig = true;
            GeldzakenApi.LeesMaand(null, klok, out maand, out _);
        }

        Stand = await geldzaken.MaandoverzichtAsync(id, maand, Doel, ct);
        // Opened without a month after ontzorgen ended: show the last month something was paid, with the end date,
        // rather than an empty month the person cannot place.
        if (string.IsNullOrWhiteSpace(Maand) && Stand is { Overzicht: { Leeg: true, OntzorgenTot: { } tot } } && tot < maand)
        {
            Stand = await geldzaken.MaandoverzichtAsync(id, new DateOnly(tot.Year, tot.Month, 1), Doel, ct);
        }
        // The last twelve months to choose from, newest first.
        var deze = new DateOnly(klok.Vandaag.Year, klok.Vandaag.Month, 1);
        Maanden = Enumerable.Range(0, 12).Select(n => deze.AddMonths(-n)).Where(m => m >= Ontzorgen.BetaalrunService.EersteMaand).ToList();
        return Page();
    }

    /// <summary>"juni 2026" in the portal's language, on the Gregorian calendar like <see cref="Talen.Datum"/>.</summary>
    public static string MaandNaam(DateOnly maand)
    {
        var cultuur = CultureInfo.CurrentUICulture;
        try
        {
            if (cultuur.IsNeutralCulture) cultuur = CultureInfo.CreateSpecificCulture(cultuur.Name);
            var opmaak = (CultureInfo)cultuur.Clone();
            if (opmaak.DateTimeFormat.Calendar is not GregorianCalendar)
            {
                if (opmaak.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() is not { } gregoriaans) return maand.ToString("MM-yyyy", CultureInfo.InvariantCulture);
                opmaak.DateTimeFormat.Calendar = gregoriaans;
            }

            return maand.ToString("MMMM yyyy", opmaak);
        }
        catch (CultureNotFoundException)
        {
            return maand.ToString("MM-yyyy", CultureInfo.InvariantCulture);
        }
    }

    public static string Code(DateOnly maand) => maand.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string LastSleutel(OverzichtRegel r) => "Last_" + r.Soort;
}
