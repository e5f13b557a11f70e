using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Domain.Afsluiting;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Handhaving;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Voortgang;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Afsluiting;

public sealed record OverdrachtBestand(string Bestandsnaam, byte[] Zip);

/// <summary>
/// The transfer file for a move to another municipality: a ZIP with the whole case as JSON (dossier.json), a readable
/// summary (samenvatting.html), and every stored letter (beschikkingen and handhaving) as PDF. Only this case's rows
/// are read, each query filtered on its id. Writing it is logged as an export.
/// </summary>
public sealed class Overdrachtsdossier(KoersDbContext db, DossierService dossiers, Klok klok, HuidigeGebruiker gebruiker)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<OverdrachtBestand?> MaakAsync(Guid id, CancellationToken ct = default)
    {
        // InzienAsync decides access (404 outside reach) and logs the read; the export gets its own audit line below.
        var i = await dossiers.InzienAsync(id, "Overdrachtsdossier samengesteld", ct);
        if (i is null) return null;

        var termijnen = await db.Termijnen.AsNoTracking().Where(t => t.InburgeraarId == id).ToListAsync(ct);
        var mijlpaalHistorie = await db.MijlpaalWijzigingen.AsNoTracking().Where(m => m.InburgeraarId == id).OrderBy(m => m.Op).ToListAsync(ct);
        var gesprekken = await db.Intakegesprekken.AsNoTracking().Where(g => g.InburgeraarId == id).OrderBy(g => g.Datum).ToListAsync(ct);
        var leefgebieden = await db.Leefgebieden.AsNoTracking().Where(l => l.InburgeraarId == id).ToListAsync(ct);
        var diplomas = await db.Diplomas.AsNoTracking().Where(d => d.InburgeraarId == id).ToListAsync(ct);
        var intake = await db.BredeIntakes.AsNoTracking().FirstOrDefaultAsync(b => b.InburgeraarId == id, ct);
        var lbt = await db.Leerbaarheidstoetsen.AsNoTracking().FirstOrDefaultAsync(l => l.InburgeraarId == id, ct);
        var pips = await db.PipVersies.AsNoTracking().Where(p => p.InburgeraarId == id).OrderBy(p => p.Versie).ToListAsync(ct);
        var beschikkingen = await db.Beschikkingen.AsNoTracking().Where(b => b.InburgeraarId == id).OrderBy(b => b.AangemaaktOp).ToListAsync(ct);
        var uren = await db.Urenregistraties.AsNoTracking().Where(u => u.InburgeraarId == id).OrderBy(u => u.Week).ToListAsync(ct);
        var examens = await db.Examenresultaten.AsNoTracking().Where(e => e.InburgeraarId == id).OrderBy(e => e.Datum).ToListAsync(ct);
        var tekortkomingen = await db.Set<Tekortkoming>().AsNoTracking().Include(t => t.Besluiten).Where(t => t.InburgeraarId == id).OrderBy(t => t.Datum).ToListAsync(ct);
        var eindgesprekken = await db.Set<Eindgesprek>().AsNoTracking().Where(e => e.InburgeraarId == id).ToListAsync(ct);
        var verlengingen = await db.Set<Verlengingsaanvraag>().AsNoTracking().Where(v => v.InburgeraarId == id).ToListAsync(ct);
        var afsluiting = await db.Set<Data.Model.Keten.Afsluiting>().AsNoTracking().FirstOrDefaultAsync(a => a.InburgeraarId == id, ct);
        var machtigingen = await db.Machtigingen.AsNoTracking().Where(m => m.InburgeraarId == id).ToListAsync(ct);
        // What the chain partners and the municipality did along the way, so the new municipality can carry on.
        var verwijzingen = await db.Verwijzingen.AsNoTracking().Include(v => v.Partnerorganisatie).Where(v => v.InburgeraarId == id).OrderBy(v => v.AangemeldOp).ToListAsync(ct);
        var voortgangsgesprekken = await db.Voortgangsgesprekken.AsNoTracking().Include(g => g.Afspraken).Where(g => g.InburgeraarId == id).OrderBy(g => g.GeplandOp).ToListAsync(ct);
        var vaardigheden = await db.Vaardigheidsvoortgang.AsNoTracking().Where(v => v.InburgeraarId == id).OrderBy(v => v.Datum).ToListAsync(ct);
        var signalen = await db.Voortgangssignalen.AsNoTracking().Where(v => v.InburgeraarId == id).OrderBy(v => v.Datum).ToListAsync(ct);
        var ontzorging = await db.Set<Data.Model.Ontzorgen.Ontzorging>().AsNoTracking().FirstOrDefaultAsync(o => o.InburgeraarId == id, ct);

        var bestanden = new List<(string Naam, byte[] Inhoud)>();
        string Pdf(string map, string? kenmerk, byte[] inhoud)
        {
            var naam = $"{map}/{Veilig(kenmerk ?? Guid.NewGuid().ToString("N"))}.pdf";
            bestanden.Add((naam, inhoud));
            return naam;
        }

        var export = new
        {
            formaat = "koers-overdrachtsdossier/1",
            gemaaktOp = klok.NuUtc,
            gemaaktDoor = gebruiker.Naam,
            vanGemeente = new { i.Gemeente!.Code, i.Gemeente.Naam },
            naarGemeente = afsluiting?.NieuweGemeente,
            persoon = new
            {
                // The receiving municipality gets the full numbers (the value types would serialise as an object).
                i.Id, i.Voornamen, i.Achternaam, i.Geboortedatum, Bsn = i.Bsn?.Value, VNummer = i.VNummer?.Value, i.Nationaliteit, talen = i.TalenLijst, i.Doelgroep,
                i.Telefoon, i.Email, i.Adres, i.AzcLocatie, i.Leerroute, i.Fase, i.NogNietStartklaar, klantregisseur = i.Klantregisseur?.Naam,
                gezinsleden = i.Gezinsleden.Select(g => new { g.Naam, g.Relatie, g.Geboortedatum }),
            },
            mijlpalen = i.Mijlpalen.OrderBy(m => m.Soort).Select(m => new { m.Soort, omschrijving = m.Soort.Omschrijving(), m.Datum }),
            mijlpaalHistorie = mijlpaalHistorie.Select(m => new { m.Soort, m.OudeDatum, m.NieuweDatum, m.Door, m.Op, m.Reden }),
            termijnen = termijnen.OrderBy(t => t.Code).Select(t => new { t.Code, t.Soort, t.Toepasselijk, t.Startdatum, t.Vervaldatum, t.VoldaanOp, t.Toelichting }),
            intake = new
            {
                afgerondOp = intake?.AfgerondOp,
                gesprekken = gesprekken.Select(g => new { g.Datum, g.Tolk, g.Tolktaal, g.Aanwezigen, g.NoShow, g.Notities }),
                leefgebieden = leefgebieden.Select(l => new { l.Leefgebied, antwoorden = JsonDocument.Parse(l.AntwoordenJson).RootElement, l.Notities }),
                diplomas = diplomas.Select(d => new { d.Omschrijving, d.Land, d.Jaar, d.Waardering, d.WaarderingUitkomst }),
            },
            leerbaarheidstoets = lbt is null ? null : new { lbt.Aangemeld, lbt.Afgenomen, lbt.Afnemer, lbt.Score, lbt.CesuurVolgensDuo, lbt.Overgeslagen, lbt.RedenOverslaan, lbt.Bron },
            pipVersies = pips.Select(p => new { p.Versie, p.Status, p.Leerroute, p.Dagtekening, p.RedenBijstelling, p.VastgesteldDoor, inhoud = JsonDocument.Parse(p.InhoudJson).RootElement }),
            beschikkingen = beschikkingen.Select(b => new { b.Soort, b.Datum, b.Kenmerk, b.Sha256, bestand = Pdf("beschikkingen", b.Kenmerk, b.Pdf) }).ToList(),
            uren = uren.Select(u => new { u.Soort, u.Week, u.Uren, u.AfwezigUren, u.AfwezigGemeld, u.Bron, u.PartnerorganisatieId }),
            examenresultaten = examens.Select(e => new { e.Onderdeel, e.Datum, e.Niveau, e.Behaald, e.Score, e.Bron }),
            eindgesprekken = eindgesprekken.Select(e => new { e.Datum, e.Verslag, e.Behaald, e.Door }),
            verlengingen = verlengingen.Select(v => new { v.AangevraagdOp, v.Reden, v.GevraagdTot, v.Status, v.BesluitOp, v.ToegekendTot }),
            handhaving = tekortkomingen.Select(t => new
            {
                t.Verplichting, omschrijving = t.Omschrijving, t.Datum, t.AfgeslotenOp, t.RedenAfsluiting,
                stappen = t.Besluiten.OrderBy(b => b.Volgorde).Select(b => new
                {
                    b.Volgorde, b.Soort, b.Stapnaam, b.Overgeslagen, b.Datum, b.Reden, b.ReactieUiterlijk, b.Bedrag, b.Uitkomst, b.UitkomstOp, b.Kenmerk, b.Sha256, b.Door,
                    brief = b.Pdf is null ? null : Pdf("handhaving", b.Kenmerk, b.Pdf),
                }).ToList(),
            }).ToList(),
            machtigingen = machtigingen.Select(m => new { m.PartnerorganisatieId, categorieen = m.Categorieen.ToString(), m.Van, m.Tot, m.IngetrokkenOp }),
            verwijzingen = verwijzingen.Select(v => new
            {
                partner = v.Partnerorganisatie?.Naam, v.Onderdeel, v.Status, v.AangemeldOp, v.BeslistOp, v.RedenAfwijzing, v.Intakedatum, v.Startdatum,
                wachtdagen = v.Wachtdagen(klok.Vandaag),
            }),
            voortgangsgesprekken = voortgangsgesprekken.Select(g => new
            {
                g.GeplandOp, g.Status, g.Datum, g.Aanwezigen, g.Verslag,
                afspraken = g.Afspraken.Select(a => new { a.Omschrijving, a.Eigenaar, a.Uiterlijk, a.Gedaan }),
            }),
            vaardigheden = vaardigheden.Select(v => new { v.Vaardigheid, v.Datum, v.Niveau, v.Notitie, v.Bron }),
            signalen = signalen.Select(v => new { v.Soort, v.Datum, v.Notitie, v.Bron, v.AfgehandeldOp, v.Afhandeling }),
            ontzorgen = ontzorging is null ? null : new
            {
                ontzorging.Besluit, ontzorging.Reden, ontzorging.Besluitdatum, ontzorging.VerlengdTot, ontzorging.TrainingNaam, ontzorging.TrainingAfgerond,
                ontzorging.Afspraken, ontzorging.OverdrachtAan, ontzorging.SchuldenGesignaleerd, ontzorging.SchuldenOp, ontzorging.SchuldenAfgehandeldOp,
            },
            afsluiting = afsluiting is null ? null : new { afsluiting.Soort, afsluiting.Datum, afsluiting.Toelichting, afsluiting.Ontheffingsgrond, afsluiting.NieuweGemeente },
        };

        var json = JsonSerializer.SerializeToUtf8Bytes(export, Json);
        var html = Samenvatting(i, termijnen, examens, tekortkomingen, afsluiting);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Schrijf(string naam, byte[] inhoud)
            {
                var entry = zip.CreateEntry(naam, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(klok.NuUtc, TimeSpan.Zero);
                using var s = entry.Open();
                s.Write(inhoud);
            }

            Schrijf("dossier.json", json);
            Schrijf("samenvatting.html", Encoding.UTF8.GetBytes(html));
            foreach (var (naam, inhoud) in bestanden) Schrijf(naam, inhoud);
        }

        dossiers.Audit(AuditActie.Inzien, id, $"Export: overdrachtsdossier gedownload ({bestanden.Count} brieven){(afsluiting?.NieuweGemeente is { } naar ? $" voor {naar}" : string.Empty)}");
        await db.SaveChangesAsync(ct);
        return new OverdrachtBestand($"overdrachtsdossier-{i.Gemeente.Code}-{id.ToString("N")[..8]}.zip", stream.ToArray());
    }

    private static string Veilig(string naam) => string.Concat(naam.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    private static string Samenvatting(Inburgeraar i, List<Termijnregel> termijnen, List<Examenresultaat> examens, List<Tekortkoming> tekortkomingen,
        Data.Model.Keten.Afsluiting? afsluiting)
    {
        static string E(object? o) => WebUtility.HtmlEncode(o?.ToString() ?? "—");
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Overdrachtsdossier ").Append(E(i.VolledigeNaam)).Append("</title></head><body>");
        sb.Append("<h1>Overdrachtsdossier ").Append(E(i.VolledigeNaam)).Append("</h1>");
        sb.Append("<p>Gemeente ").Append(E(i.Gemeente?.Naam)).Append(afsluiting?.NieuweGemeente is { } naar ? $" → {E(naar)}" : string.Empty).Append("</p>");
        sb.Append("<h2>Persoon</h2><dl>");
        foreach (var (k, v) in new (string, object?)[] { ("Geboortedatum", i.Geboortedatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)), ("BSN", i.Bsn?.Value), ("Doelgroep", i.Doelgroep.Omschrijving()), ("Leerroute", i.Leerroute?.Omschrijving()), ("Fase", i.Fase.Omschrijving()) })
            sb.Append("<dt>").Append(E(k)).Append("</dt><dd>").Append(E(v)).Append("</dd>");
        sb.Append("</dl><h2>Mijlpalen</h2><ul>");
        foreach (var m in i.Mijlpalen.OrderBy(m => m.Soort)) sb.Append("<li>").Append(E(m.Soort.Omschrijving())).Append(": ").Append(E(m.Datum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture))).Append("</li>");
        sb.Append("</ul><h2>Termijnen</h2><ul>");
        foreach (var t in termijnen.Where(t => t.Toepasselijk).OrderBy(t => t.Code)) sb.Append("<li>").Append(E(t.Code.Omschrijving())).Append(": ").Append(E(t.Vervaldatum?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture))).Append("</li>");
        sb.Append("</ul><h2>Examenresultaten</h2><ul>");
        foreach (var e in examens) sb.Append("<li>").Append(E(e.Onderdeel.Omschrijving())).Append(' ').Append(E(e.Datum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture))).Append(e.Behaald ? " behaald" : " niet behaald").Append("</li>");
        sb.Append("</ul><h2>Handhaving</h2><ul>");
        foreach (var t in tekortkomingen)
            sb.Append("<li>").Append(E(t.Verplichting.Omschrijving())).Append(" (").Append(E(t.Datum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture))).Append("): ")
                .Append(E(string.Join("; ", t.Besluiten.OrderBy(b => b.Volgorde).Select(b => $"{b.Stapnaam} {(b.Overgeslagen ? "overgeslagen" : "genomen")} {b.Datum:dd-MM-yyyy}")))).Append("</li>");
        sb.Append("</ul>");
        if (afsluiting is not null) sb.Append("<h2>Afsluiting</h2><p>").Append(E(afsluiting.Soort.Omschrijving())).Append(", ").Append(E(afsluiting.Datum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture))).Append(": ").Append(E(afsluiting.Toelichting)).Append("</p>");
        sb.Append("</body></html>");
        return sb.ToString();
    }
}
