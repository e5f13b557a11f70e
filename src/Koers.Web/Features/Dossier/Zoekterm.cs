using Koers.Data.Model;
using Koers.Data.Versleuteling;
using Koers.Domain.Identity;

namespace Koers.Web.Features.Dossier;

/// <summary>Body of POST /api/v1/inburgeraars/zoeken: the list filters, with the search term out of the URL.</summary>
public sealed record ZoekInvoer(string? Zoek, string? Gemeente, string? Fase, int? KlantregisseurId, int? Pagina, int? PaginaGrootte);

/// <summary>
/// One search term for the case list, the same on the screen and in the API. A BSN (9 digits, or an old one of 8;
/// dots and spaces allowed) or a V-nummer (10 digits) finds that one case; any other term matches names. A number
/// is only ever accepted from a form or JSON body: a URL ends up in access logs, browser history and proxies, so
/// <see cref="IsNummer"/> lets the GET endpoints refuse it.
/// </summary>
public static class Zoekterm
{
    public static IQueryable<Inburgeraar> Filter(IQueryable<Inburgeraar> q, string? zoek, BsnBescherming bescherming)
    {
        if (string.IsNullOrWhiteSpace(zoek)) return q;
        var cijfers = Cijfers(zoek);
        if (cijfers is { Length: 8 or 9 })
        {
            // Nine digits that fail the elfproef are no BSN, so no case has them.
            return Bsn.TryParse(cijfers.PadLeft(9, '0'), out var bsn, out _) ? q.MetBsn(bescherming, bsn) : q.Where(_ => false);
        }

        if (cijfers is { Length: 10 }) return q.MetVNummer(bescherming, VNummer.Parse(cijfers));
        var z = zoek.Trim().ToLowerInvariant();
        // Runs as SQL: ToLower() becomes lower() on both providers; the culture-aware overloads the analyzers
        // suggest (CA1304/CA1311/CA1862) have no SQL translation.
#pragma warning disable CA1304, CA1311, CA1862
        return q.Where(i => i.Achternaam.ToLower().Contains(z) || i.Voornamen.ToLower().Contains(z));
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>What kind of term it is, in words for the audit and the screen: 'BSN', 'V-nummer' or 'naam'.</summary>
    public static string Soort(string zoek) => Cijfers(zoek) switch
    {
        { Length: 8 or 9 } => "BSN",
        { Length: 10 } => "V-nummer",
        _ => "naam",
    };

    /// <summary>True when the term holds a run of 8 or more digits: a BSN or V-nummer, which never goes in a URL.</summary>
    public static bool IsNummer(string? zoek)
    {
        if (string.IsNullOrEmpty(zoek)) return false;
        var run = 0;
        foreach (var c in zoek)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : c is '.' or ' ' && run > 0 ? run : 0;
            if (run >= 8) return true;
        }

        return false;
    }

    private static string? Cijfers(string zoek)
    {
        var s = zoek.Trim().Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return s.Length > 0 && s.All(char.IsAsciiDigit) ? s : null;
    }
}
