using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Portaal;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Koers.Web.Features.Berichten;

public sealed record KanaalStand(Berichtkanaal Kanaal, bool Aan, DateTime? Sinds, string? Door, ToestemmingBron? Via, string? Toelichting);

public sealed record ToestemmingRegel(Berichtkanaal Kanaal, bool Aan, DateTime Op, string Door, ToestemmingBron Via, string? Toelichting);

/// <summary>The person's notification settings: addresses, language and the consent in force per channel, with its history.</summary>
public sealed record BerichtVoorkeurStand(string? Email, string? Telefoon, string Taal, IReadOnlyList<KanaalStand> Kanalen, IReadOnlyList<ToestemmingRegel> Historie)
{
    public KanaalStand Kanaal(Berichtkanaal k) => Kanalen.Single(x => x.Kanaal == k);
}

/// <summary>A change of the settings; a null field is left as it is.</summary>
public sealed class BerichtVoorkeurInvoer
{
    public bool? Email { get; set; }
    public bool? Sms { get; set; }
    public string? EmailAdres { get; set; }
    public string? Telefoon { get; set; }

    /// <summary>Portal language for the messages (nl, en, ar, fa, ti, tr, uk).</summary>
    public string? Taal { get; set; }

    /// <summary>For a klantregisseur: how the person gave or withdrew consent ('telefonisch', 'aan de balie').</summary>
    public string? Toelichting { get; set; }
}

/// <summary>
/// Opt-in and opt-out per channel, by the inburgeraar in the portal or recorded by the klantregisseur. Each change is
/// a new <see cref="Berichttoestemming"/> row and an audit line; the access check (own case, or a case within
/// reach) is the caller's, as with the portal's other actions.
/// </summary>
public sealed partial class BerichtVoorkeuren(KoersDbContext db, DossierService dossiers, Klok klok, HuidigeGebruiker gebruiker, IStringLocalizer<Resources.Berichten> t)
{
    /// <summary>The channels with consent in force: the newest recorded choice per channel is 'on'.</summary>
    public static async Task<IReadOnlyList<Berichtkanaal>> ActieveKanalenAsync(KoersDbContext db, Guid id, CancellationToken ct = default)
    {
        var rijen = await db.Berichttoestemmingen.AsNoTracking().Where(b => b.InburgeraarId == id).ToListAsync(ct);
        return rijen.GroupBy(r => r.Kanaal).Select(g => g.OrderByDescending(r => r.Id).First()).Where(r => r.Aan).Select(r => r.Kanaal).OrderBy(k => k).ToList();
    }

    public async Task<BerichtVoorkeurStand?> HaalAsync(Guid id, CancellationToken ct = default)
    {
        var i = await db.Inburgeraars.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Email, x.Telefoon, x.PortaalTaal }).FirstOrDefaultAsync(ct);
        if (i is null) return null;
        var rijen = await db.Berichttoestemmingen.AsNoTracking().Where(b => b.InburgeraarId == id).OrderByDescending(b => b.Id).ToListAsync(ct);
        var kanalen = Enum.GetValues<Berichtkanaal>().Select(k => rijen.FirstOrDefault(r => r.Kanaal == k) is { } r
            ? new KanaalStand(k, r.Aan, r.Op, r.Door, r.Via, r.Toelichting)
            : new KanaalStand(k, false, null, null, null, null)).ToList();
        return new BerichtVoorkeurStand(i.Email, i.Telefoon, Talen.Bestaat(i.PortaalTaal) ? i.PortaalTaal! : "nl", kanalen,
            rijen.Select(r => new ToestemmingRegel(r.Kanaal, r.Aan, r.Op, r.Door, r.Via, r.Toelichting)).ToList());
    }

    /// <summary>
    /// Records the choices. Validation messages come from the resources in the current UI language: the portal
    /// shows them in the person's language, the staff screens and API (always Dutch) in Dutch.
    /// </summary>
    public async Task<Uitkomst<bool>> ZetAsync(Guid id, BerichtVoorkeurInvoer invoer, ToestemmingBron via, CancellationToken ct = default)
    {
        var i = await db.Inburgeraars.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null || i.GeanonimiseerdOp is not null) return Uitkomst<bool>.Onbekend();
        var fouten = Veldfouten.Nieuw();
        var email = invoer.EmailAdres is null ? i.Email : Leeg(invoer.EmailAdres);
        var telefoon = invoer.Telefoon is null ? i.Telefoon : Leeg(invoer.Telefoon);
        if (email is not null && !GeldigEmail(email)) fouten.Voeg(nameof(invoer.EmailAdres), t["EmailOngeldig"].Value);
        if (telefoon is not null && !GeldigTelefoon(telefoon)) fouten.Voeg(nameof(invoer.Telefoon), t["TelefoonOngeldig"].Value);
        if (invoer.Email == true && email is null) fouten.Voeg(nameof(invoer.EmailAdres), t["EmailOngeldig"].Value);
        if (invoer.Sms == true && telefoon is null) fouten.Voeg(nameof(invoer.Telefoon), t["TelefoonOngeldig"].Value);
        if (invoer.Taal is not null && !Talen.Bestaat(invoer.Taal)) fouten.Voeg(nameof(invoer.Taal), "Kies een van de talen van het portaal: " + string.Join(", ", Talen.Lijst.Select(l => l.Code)) + ".");
        if (invoer.Toelichting?.Trim().Length > 500) fouten.Voeg(nameof(invoer.Toelichting), "De toelichting is hoogstens 500 tekens.");
        // Only a change is a new consent; saving the same choice again does not move its date.
        var huidig = await ActieveKanalenAsync(db, id, ct);
        var keuzes = new[] { (Berichtkanaal.Email, invoer.Email), (Berichtkanaal.Sms, invoer.Sms) }
            .Where(k => k.Item2 is { } a && a != huidig.Contains(k.Item1)).Select(k => (Kanaal: k.Item1, Aan: k.Item2!.Value)).ToList();
        if (via == ToestemmingBron.Klantregisseur && keuzes.Count > 0 && string.IsNullOrWhiteSpace(invoer.Toelichting))
        {
            // Consent recorded on someone else's behalf must say how it was given (AVG art. 7 lid 1: demonstrable).
            fouten.Voeg(nameof(invoer.Toelichting), "Leg vast hoe de inburgeraar de keuze doorgaf, bijvoorbeeld 'telefonisch' of 'formulier aan de balie'.");
        }

        if (fouten.Count > 0) return Uitkomst<bool>.Geweigerd(fouten);

        var wijzigingen = new List<string>();
        if (email != i.Email) { i.Email = email; wijzigingen.Add("e-mailadres"); }
        if (telefoon != i.Telefoon) { i.Telefoon = telefoon; wijzigingen.Add("mobiel nummer"); }
        if (invoer.Taal is { } taal && taal != i.PortaalTaal) { i.PortaalTaal = taal; wijzigingen.Add($"taal ({taal})"); }
        foreach (var (kanaal, a) in keuzes)
        {
            db.Berichttoestemmingen.Add(new Berichttoestemming
            {
                InburgeraarId = id, Kanaal = kanaal, Aan = a, Op = klok.NuUtc, Door = gebruiker.Naam, Via = via,
                Toelichting = string.IsNullOrWhiteSpace(invoer.Toelichting) ? null : invoer.Toelichting.Trim(),
            });
            wijzigingen.Add($"{(kanaal == Berichtkanaal.Email ? "e-mail" : "sms")} {(a ? "aan" : "uit")}");
        }

        if (wijzigingen.Count == 0) return Uitkomst<bool>.Ok(false);
        dossiers.Audit(AuditActie.Wijzigen, id, $"Berichtvoorkeuren gewijzigd ({(via == ToestemmingBron.Portaal ? "door de inburgeraar in het portaal" : "vastgelegd door de klantregisseur")}): {string.Join(", ", wijzigingen)}");
        await db.SaveChangesAsync(ct);
        return Uitkomst<bool>.Ok(true);
    }

    /// <summary>The language the person chose in the portal, kept on the case so e-mails use it too.</summary>
    public async Task OnthoudTaalAsync(Guid id, string taal, CancellationToken ct = default)
    {
        if (!Talen.Bestaat(taal)) return;
        await db.Inburgeraars.Where(i => i.Id == id && (i.PortaalTaal == null || i.PortaalTaal != taal))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.PortaalTaal, taal), ct);
    }

    private static string? Leeg(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool GeldigEmail(string s) => s.Length <= 200 && MailAddress.TryCreate(s, out var a) && a.Address == s && s.Contains('.', StringComparison.Ordinal);

    /// <summary>A Dutch mobile number (06…) or an international one (+…), spaces and dashes allowed.</summary>
    private static bool GeldigTelefoon(string s) => s.Length <= 40 && Telefoonpatroon().IsMatch(s);

    [GeneratedRegex(@"^(\+[1-9][0-9 \-]{7,17}|0 ?6[0-9 \-]{8,12})$", RegexOptions.CultureInvariant)]
    private static partial Regex Telefoonpatroon();

    public static string Omschrijving(Berichtkanaal k) => k == Berichtkanaal.Email ? "E-mail" : "Sms";

    public static string Tijd(DateTime utc) => Klok.NaarNederlandseTijd(utc).ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("nl-NL"));
}
