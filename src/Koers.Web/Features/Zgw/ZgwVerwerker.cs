using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Zgw;
using Koers.Domain.Dossier;
using Koers.Web.Features.Audit;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Zgw;

public sealed record ZgwStatustype(string Url, string Omschrijving, int Volgnummer, bool IsEindstatus);

/// <summary>A resultaattype with what the catalogus took from the selectielijst: archiefnominatie and archiefactietermijn (ISO 8601 duration).</summary>
public sealed record ZgwResultaattype(string Url, string Omschrijving, string? Archiefnominatie, string? Archiefactietermijn, string? Afleidingswijze);

public sealed record ZgwInformatieobjecttype(string Url, string Omschrijving);

public sealed record ZgwRoltype(string Url, string Omschrijving, string OmschrijvingGeneriek);

/// <summary>What Koers uses of one zaaktype in the Catalogi API.</summary>
public sealed record ZgwCatalogus(string Zaaktype, string Catalogus, string Omschrijving, IReadOnlyList<ZgwStatustype> Statustypen,
    IReadOnlyList<ZgwResultaattype> Resultaattypen, IReadOnlyList<ZgwInformatieobjecttype> Informatieobjecttypen, IReadOnlyList<ZgwRoltype> Roltypen)
{
    public ZgwRoltype Roltype(string omschrijvingGeneriek) => Roltypen.FirstOrDefault(r => Gelijk(r.OmschrijvingGeneriek, omschrijvingGeneriek))
        ?? throw new ZgwWeigeringException($"Het zaaktype '{Omschrijving}' kent geen roltype '{omschrijvingGeneriek}'. Voeg het toe in de catalogus of kies een ander (Zgw:Gemeenten:…:Rol).");

    public ZgwStatustype? Eindstatus => Statustypen.Where(s => s.IsEindstatus).OrderByDescending(s => s.Volgnummer).FirstOrDefault();

    public ZgwStatustype Statustype(string omschrijving) => Statustypen.FirstOrDefault(s => Gelijk(s.Omschrijving, omschrijving))
        ?? throw new ZgwWeigeringException($"Het zaaktype '{Omschrijving}' kent geen statustype '{omschrijving}'. Voeg het toe in de catalogus of wijs in de instellingen (Zgw:Gemeenten:…:Statustypen) een bestaand statustype aan.");

    public ZgwResultaattype Resultaattype(string omschrijving) => Resultaattypen.FirstOrDefault(s => Gelijk(s.Omschrijving, omschrijving))
        ?? throw new ZgwWeigeringException($"Het zaaktype '{Omschrijving}' kent geen resultaattype '{omschrijving}'. Voeg het toe in de catalogus of wijs in de instellingen (Zgw:Gemeenten:…:Resultaattypen) een bestaand resultaattype aan.");

    public ZgwInformatieobjecttype Informatieobjecttype(string omschrijving) => Informatieobjecttypen.FirstOrDefault(s => Gelijk(s.Omschrijving, omschrijving))
        ?? throw new ZgwWeigeringException($"De catalogus kent geen informatieobjecttype '{omschrijving}'. Voeg het toe of wijs in de instellingen (Zgw:Gemeenten:…:Informatieobjecttypen) een bestaand type aan.");

    /// <summary>How Koers matches a type's name in the catalogus: case and surrounding spaces do not count.</summary>
    public static bool Gelijk(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reads a zaaktype and its types from the Catalogi API, kept for ten minutes (a catalogus changes by publication, rarely).</summary>
public sealed class ZgwCatalogi(TimeProvider tijd)
{
    private readonly ConcurrentDictionary<string, (ZgwCatalogus Catalogus, DateTimeOffset Tot)> _cache = new(StringComparer.Ordinal);

    public async Task<ZgwCatalogus> LaadAsync(ZgwClient client, string zaaktype, CancellationToken ct, bool vers = false)
    {
        if (!vers && _cache.TryGetValue(zaaktype, out var c) && c.Tot > tijd.GetUtcNow()) return c.Catalogus;
        var zt = await client.GetAsync(new Uri(zaaktype), ct);
        var catalogus = Tekst(zt, "catalogus") ?? throw new ZgwWeigeringException("Het zaaktype noemt geen catalogus.");
        var statussen = await client.LijstAsync(Met(client.Adres(ZgwApi.Catalogi, "statustypen"), "zaaktype", zaaktype), ct);
        var resultaten = await client.LijstAsync(Met(client.Adres(ZgwApi.Catalogi, "resultaattypen"), "zaaktype", zaaktype), ct);
        var iots = await client.LijstAsync(Met(client.Adres(ZgwApi.Catalogi, "informatieobjecttypen"), "catalogus", catalogus), ct);
        var rollen = await client.LijstAsync(Met(client.Adres(ZgwApi.Catalogi, "roltypen"), "zaaktype", zaaktype), ct);
        var uitkomst = new ZgwCatalogus(
            zaaktype,
            catalogus,
            Tekst(zt, "omschrijving") ?? zaaktype,
            statussen.Select(s => new ZgwStatustype(Tekst(s, "url")!, Tekst(s, "omschrijving") ?? "", s.TryGetProperty("volgnummer", out var v) && v.TryGetInt32(out var n) ? n : 0,
                s.TryGetProperty("isEindstatus", out var e) && e.ValueKind == JsonValueKind.True)).ToList(),
            resultaten.Select(r => new ZgwResultaattype(Tekst(r, "url")!, Tekst(r, "omschrijving") ?? "", Tekst(r, "archiefnominatie"), Tekst(r, "archiefactietermijn"),
                r.TryGetProperty("brondatumArchiefprocedure", out var b) && b.ValueKind == JsonValueKind.Object ? Tekst(b, "afleidingswijze") : null)).ToList(),
            iots.Select(i => new ZgwInformatieobjecttype(Tekst(i, "url")!, Tekst(i, "omschrijving") ?? "")).ToList(),
            rollen.Select(r => new ZgwRoltype(Tekst(r, "url")!, Tekst(r, "omschrijving") ?? "", Tekst(r, "omschrijvingGeneriek") ?? "")).ToList());
        _cache[zaaktype] = (uitkomst, tijd.GetUtcNow().AddMinutes(10));
        return uitkomst;
    }

    public static Uri Met(Uri basis, string naam, string waarde) =>
        new(basis + (basis.Query.Length == 0 ? "?" : "&") + naam + "=" + Uri.EscapeDataString(waarde));

    public static string? Tekst(JsonElement e, string veld) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(veld, out var w) && w.ValueKind == JsonValueKind.String && w.GetString() is { Length: > 0 } s ? s : null;
}

/// <summary>
/// Carries out the zaaksysteem outbox, oldest first and in order per case (a step waits while an earlier one of the
/// same case is open). Each step first looks for what it would create (the zaak and the document by their
/// identificatie, a status by type and moment, a link by zaak and document), so a retry after an answer that was lost
/// never creates anything twice. A refusal stops the step as Mislukt with the zaaksysteem's reason; an unreachable
/// zaaksysteem is retried with growing waits, then Mislukt. Both are shown on the case and on /beheer/zgw to retry.
/// </summary>
public sealed partial class ZgwVerwerker(KoersDbContext db, ZgwClient client, ZgwOpties opties, ZgwCatalogi catalogi, ZgwGemeenten gemeenten, Klok klok, ILogger<ZgwVerwerker> log, Auditlog auditlog)
{
    public const string Systeem = "Koers (zaaksysteem)";

    /// <summary>A claimed step not finished within this time (a crashed instance) may be taken again; every step is safe to repeat.</summary>
    public static readonly TimeSpan Claimduur = TimeSpan.FromMinutes(10);

    /// <summary>Identificatie of the zaak and of a letter's informatieobject: Koers's own id, unique within the bronorganisatie (max 40).</summary>
    public static string Identificatie(Guid id) => "KOERS-" + id.ToString("N").ToUpperInvariant();

    public async Task<int> VerwerkAsync(CancellationToken ct = default)
    {
        if (!opties.Aan) return 0;
        gemeenten.Vul((await db.Gemeenten.AsNoTracking().Select(g => new { g.Id, g.Code }).ToListAsync(ct)).Select(g => (g.Id, g.Code)));
        await AanmeldenAsync(ct);
        var nu = klok.NuUtc;
        var grens = nu - Claimduur;
        var ids = await db.ZgwOpdrachten.AsNoTracking()
            .Where(o => o.Status == ZgwOpdrachtStatus.Wachtend && (o.VolgendePogingOp == null || o.VolgendePogingOp <= nu) && (o.BezigSinds == null || o.BezigSinds < grens)
                && !db.ZgwOpdrachten.Any(e => e.InburgeraarId == o.InburgeraarId && e.Id < o.Id && (e.Status == ZgwOpdrachtStatus.Wachtend || e.Status == ZgwOpdrachtStatus.Mislukt)))
            .OrderBy(o => o.Id).Select(o => o.Id).Take(100).ToListAsync(ct);
        var gedaan = 0;
        foreach (var id in ids)
        {
            if (ct.IsCancellationRequested) break;
            if (await EenAsync(id, CancellationToken.None)) gedaan++;
        }

        return gedaan;
    }

    /// <summary>
    /// Switched on for a municipality with cases already running: each open case without a zaak gets one (and its
    /// current stage and letters), a few hundred per run.
    /// </summary>
    private async Task AanmeldenAsync(CancellationToken ct)
    {
        var codes = opties.Gemeenten.Where(g => g.Value.Aan).Select(g => g.Key).ToList();
        var afgesloten = Enum.GetValues<Fase>().Where(f => f.IsAfgesloten()).ToList();
        var zonder = await db.Inburgeraars.AsNoTracking()
            .Where(i => codes.Contains(i.Gemeente!.Code) && i.GeanonimiseerdOp == null && !afgesloten.Contains(i.Fase)
                && !db.ZgwOpdrachten.Any(o => o.InburgeraarId == i.Id && o.Soort == ZgwOpdrachtSoort.Zaak))
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Fase }).Take(200).ToListAsync(ct);
        if (zonder.Count == 0) return;
        var nu = klok.NuUtc;
        var ids = zonder.Select(z => z.Id).ToList();
        var brieven = await db.Beschikkingen.AsNoTracking().Where(b => ids.Contains(b.InburgeraarId)).Select(b => new { b.InburgeraarId, b.Id }).ToListAsync(ct);
        var handhaving = await db.Set<Data.Model.Keten.Handhavingsbesluit>().AsNoTracking().Where(b => ids.Contains(b.InburgeraarId) && b.Pdf != null)
            .Select(b => new { b.InburgeraarId, b.Id }).ToListAsync(ct);
        foreach (var z in zonder)
        {
            db.ZgwOpdrachten.Add(ZgwVastlegger.Opdracht(z.Id, ZgwOpdrachtSoort.Zaak, $"zaak:{z.Id:N}", nu));
            db.ZgwOpdrachten.Add(ZgwVastlegger.Fase(z.Id, z.Fase, nu));
            foreach (var b in brieven.Where(b => b.InburgeraarId == z.Id)) db.ZgwOpdrachten.Add(ZgwVastlegger.Document(z.Id, ZgwDocumentBron.Beschikking, b.Id, nu));
            foreach (var b in handhaving.Where(b => b.InburgeraarId == z.Id)) db.ZgwOpdrachten.Add(ZgwVastlegger.Document(z.Id, ZgwDocumentBron.Handhaving, b.Id, nu));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance queued the same cases at the same moment (unique Sleutel): its rows stand, ours are not needed.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> EenAsync(long id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var nu = klok.NuUtc;
        var grens = nu - Claimduur;
        var geclaimd = await db.ZgwOpdrachten.Where(o => o.Id == id && o.Status == ZgwOpdrachtStatus.Wachtend && (o.BezigSinds == null || o.BezigSinds < grens))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.BezigSinds, nu).SetProperty(o => o.Pogingen, o => o.Pogingen + 1), ct);
        if (geclaimd == 0) return false;
        var o = await db.ZgwOpdrachten.FirstAsync(x => x.Id == id, ct);
        var i = await db.Inburgeraars.AsNoTracking().Include(x => x.Gemeente).FirstAsync(x => x.Id == o.InburgeraarId, ct);
        var g = opties.Voor(i.Gemeente?.Code);
        if (g is null || i.GeanonimiseerdOp is not null)
        {
            Afronden(o, ZgwOpdrachtStatus.Vervallen, g is null ? "Deze gemeente archiveert niet in het zaaksysteem." : "Het dossier is geanonimiseerd.", null);
            await db.SaveChangesAsync(ct);
            return true;
        }

        try
        {
            var (url, audit) = o.Soort switch
            {
                ZgwOpdrachtSoort.Zaak => (await ZaakAsync(i, g, ct), null),
                ZgwOpdrachtSoort.Status => await StatusAsync(o, i, g, ct),
                ZgwOpdrachtSoort.Document => await DocumentAsync(o, i, g, ct),
                _ => await AfsluitingAsync(o, i, g, ct),
            };
            Afronden(o, ZgwOpdrachtStatus.Klaar, null, url);
            if (audit is not null) auditlog.Schrijf(AuditActie.Aanmaken, i.Id, audit, AuditObject.Van<ZgwOpdracht>(o.Id), door: Systeem);
            await db.SaveChangesAsync(ct);
        }
        catch (ZgwWeigeringException w)
        {
            Mislukt(o, w.Message);
            await db.SaveChangesAsync(ct);
            log.LogWarning("Zaaksysteem: stap {Id} ({Soort}) geweigerd", o.Id, o.Soort);
        }
#pragma warning disable CA1031 // Anything else (network, timeout, an answer Koers cannot read) is retried, not thrown out of the worker.
        catch (Exception e) when (e is ZgwOnbereikbaarException or HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException)
#pragma warning restore CA1031
        {
            db.ChangeTracker.Clear();
            o = await db.ZgwOpdrachten.FirstAsync(x => x.Id == id, ct);
            var laatste = o.Pogingen >= opties.MaxPogingen;
            var melding = Kort($"Poging {o.Pogingen} mislukt: {e.Message}");
            if (laatste) Mislukt(o, melding);
            else
            {
                o.Melding = melding;
                o.VolgendePogingOp = klok.NuUtc + ZgwOpties.Wachttijd(o.Pogingen);
                o.BezigSinds = null;
            }

            await db.SaveChangesAsync(ct);
            log.LogWarning("Zaaksysteem: stap {Id} ({Soort}) poging {Poging} mislukt: {Fout}", o.Id, o.Soort, o.Pogingen, e.GetType().Name);
        }

        return true;
    }

    private void Mislukt(ZgwOpdracht o, string melding)
    {
        Afronden(o, ZgwOpdrachtStatus.Mislukt, Kort(melding), null);
        auditlog.Schrijf(AuditActie.Wijzigen, o.InburgeraarId, $"Zaaksysteem: {Omschrijving(o)} mislukt", AuditObject.Van<ZgwOpdracht>(o.Id), door: Systeem);
    }

    private void Afronden(ZgwOpdracht o, ZgwOpdrachtStatus status, string? melding, string? url)
    {
        o.Status = status;
        o.Melding = melding;
        o.BezigSinds = null;
        o.VolgendePogingOp = null;
        if (url is not null) o.Url = url;
        if (status == ZgwOpdrachtStatus.Klaar) o.VerwerktOp = klok.NuUtc;
    }

    /// <summary>The case's zaak: known in Koers, found by identificatie, or created; recorded in zgw_zaak.</summary>
    private async Task<string> ZaakAsync(Inburgeraar i, ZgwGemeenteOpties g, CancellationToken ct)
    {
        var bekend = await db.ZgwZaken.FirstOrDefaultAsync(z => z.InburgeraarId == i.Id, ct);
        if (bekend is not null) return bekend.Url;
        var identificatie = Identificatie(i.Id);
        var zaken = client.Adres(ZgwApi.Zaken, "zaken");
        var gevonden = await client.LijstAsync(ZgwCatalogi.Met(ZgwCatalogi.Met(zaken, "identificatie", identificatie), "bronorganisatie", g.Rsin), ct);
        string url;
        if (gevonden.Count > 0) url = ZgwCatalogi.Tekst(gevonden[0], "url")!;
        else
        {
            var zaaktype = client.Zaaktype(g);
            var start = DateOnly.FromDateTime(Klok.NaarNederlandseTijd(i.AangemaaktOp));
            var zaak = await client.PostAsync(zaken, new ZgwZaakVraag(identificatie, g.Rsin, "Inburgering (Wet inburgering 2021)", zaaktype, g.Rsin,
                Datum(start), Datum(klok.Vandaag), g.Vertrouwelijkheidaanduiding, "Dossier in Koers; de klantreis en de brieven worden hier bijgehouden."), ct);
            url = ZgwCatalogi.Tekst(zaak, "url") ?? throw new ZgwWeigeringException("Het zaaksysteem gaf geen url van de nieuwe zaak.");
        }

        await RolAsync(url, i, g, ct);
        db.ZgwZaken.Add(new ZgwZaak { InburgeraarId = i.Id, Url = url, Identificatie = identificatie });
        auditlog.Schrijf(AuditActie.Aanmaken, i.Id, $"Zaak {identificatie} in het zaaksysteem {(gevonden.Count > 0 ? "teruggevonden" : "aangemaakt")}", AuditObject.Van<ZgwZaak>(identificatie), door: Systeem);
        return url;
    }

    /// <summary>
    /// The inburgeraar as betrokkene (natuurlijk persoon, with BSN) on the zaak, once: looked up by zaak and roltype, never
    /// by BSN (that would put the BSN in an address).
    /// </summary>
    private async Task RolAsync(string zaak, Inburgeraar i, ZgwGemeenteOpties g, CancellationToken ct)
    {
        var roltype = (await CatalogusAsync(g, ct)).Roltype(g.Rol);
        var rollen = client.Adres(ZgwApi.Zaken, "rollen");
        if ((await client.LijstAsync(ZgwCatalogi.Met(ZgwCatalogi.Met(rollen, "zaak", zaak), "roltype", roltype.Url), ct)).Count > 0) return;
        await client.PostAsync(rollen, new ZgwRolVraag(zaak, "natuurlijk_persoon", roltype.Url, "Inburgeraar (Wet inburgering 2021)",
            new ZgwNatuurlijkPersoon(i.Bsn?.Value, i.Achternaam, i.Voornamen, Datum(i.Geboortedatum))), ct);
    }

    private Task<ZgwCatalogus> CatalogusAsync(ZgwGemeenteOpties g, CancellationToken ct) => catalogi.LaadAsync(client, client.Zaaktype(g), ct);

    private async Task<(string, string?)> StatusAsync(ZgwOpdracht o, Inburgeraar i, ZgwGemeenteOpties g, CancellationToken ct)
    {
        var zaak = await ZaakAsync(i, g, ct);
        var fase = o.Fase ?? i.Fase;
        if (!g.Statustypen.TryGetValue(fase.ToString(), out var omschrijving))
        {
            throw new ZgwWeigeringException($"Voor de fase '{FaseNaam(fase)}' is geen statustype ingesteld (Zgw:Gemeenten:…:Statustypen:{fase}).");
        }

        var st = (await CatalogusAsync(g, ct)).Statustype(omschrijving);
        var url = await StatusZettenAsync(zaak, st, o.GebeurdOp, $"Fase in Koers: {FaseNaam(fase)}", ct);
        return (url, $"Zaaksysteem: status '{st.Omschrijving}' gezet");
    }

    /// <summary>A status of this type at this moment, found or created (a retry finds its own by the moment).</summary>
    private async Task<string> StatusZettenAsync(string zaak, ZgwStatustype st, DateTime op, string toelichting, CancellationToken ct)
    {
        var statussen = client.Adres(ZgwApi.Zaken, "statussen");
        var bestaand = await client.LijstAsync(ZgwCatalogi.Met(ZgwCatalogi.Met(statussen, "zaak", zaak), "statustype", st.Url), ct);
        var moment = DateTime.SpecifyKind(op, DateTimeKind.Utc);
        foreach (var s in bestaand)
        {
            if (ZgwCatalogi.Tekst(s, "datumStatusGezet") is { } d && DateTimeOffset.TryParse(d, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                && Math.Abs((t.UtcDateTime - moment).TotalSeconds) < 1)
            {
                return ZgwCatalogi.Tekst(s, "url")!;
            }
        }

        var nieuw = await client.PostAsync(statussen, new ZgwStatusVraag(zaak, st.Url, Moment(moment), toelichting), ct);
        return ZgwCatalogi.Tekst(nieuw, "url") ?? throw new ZgwWeigeringException("Het zaaksysteem gaf geen url van de nieuwe status.");
    }

    private async Task<(string, string?)> DocumentAsync(ZgwOpdracht o, Inburgeraar i, ZgwGemeenteOpties g, CancellationToken ct)
    {
        var brief = await BriefAsync(o, ct) ?? throw new ZgwWeigeringException("De brief bestaat niet meer in Koers.");
        var zaak = await ZaakAsync(i, g, ct);
        var iot = (await CatalogusAsync(g, ct)).Informatieobjecttype(g.Informatieobjecttypen.TryGetValue(brief.Type, out var oms) ? oms
            : throw new ZgwWeigeringException($"Voor '{brief.Type}' is geen informatieobjecttype ingesteld (Zgw:Gemeenten:…:Informatieobjecttypen)."));
        var identificatie = Identificatie(o.DocumentId!.Value);
        var documenten = client.Adres(ZgwApi.Documenten, "enkelvoudiginformatieobjecten");
        var gevonden = await client.LijstAsync(ZgwCatalogi.Met(ZgwCatalogi.Met(documenten, "identificatie", identificatie), "bronorganisatie", g.Rsin), ct);
        string eio;
        if (gevonden.Count > 0) eio = ZgwCatalogi.Tekst(gevonden[0], "url")!;
        else
        {
            var nieuw = await client.PostAsync(documenten, new ZgwDocumentVraag(identificatie, g.Rsin, Datum(brief.Datum), brief.Titel, g.Vertrouwelijkheidaanduiding,
                $"Gemeente {i.Gemeente!.Naam}", "definitief", "application/pdf", "dut", brief.Bestandsnaam, Convert.ToBase64String(brief.Pdf), brief.Pdf.LongLength,
                false, iot.Url, new ZgwIntegriteit("sha_256", brief.Sha256, Datum(brief.Datum)), $"Kenmerk {brief.Kenmerk}"), ct);
            eio = ZgwCatalogi.Tekst(nieuw, "url") ?? throw new ZgwWeigeringException("Het zaaksysteem gaf geen url van het nieuwe document.");
        }

        var zios = client.Adres(ZgwApi.Zaken, "zaakinformatieobjecten");
        var koppeling = await client.LijstAsync(ZgwCatalogi.Met(ZgwCatalogi.Met(zios, "zaak", zaak), "informatieobject", eio), ct);
        if (koppeling.Count == 0) await client.PostAsync(zios, new ZgwZaakInformatieObjectVraag(zaak, eio, brief.Titel), ct);
        return (eio, $"Zaaksysteem: brief {brief.Kenmerk} als document bij de zaak gezet");
    }

    private sealed record Brief(string Type, string Titel, string Kenmerk, DateOnly Datum, byte[] Pdf, string Sha256, string Bestandsnaam);

    private async Task<Brief?> BriefAsync(ZgwOpdracht o, CancellationToken ct)
    {
        if (o.DocumentBron == ZgwDocumentBron.Beschikking)
        {
            var b = await db.Beschikkingen.AsNoTracking().FirstOrDefaultAsync(x => x.Id == o.DocumentId, ct);
            return b is null ? null : new Brief(b.Soort.ToString(), b.Soort == BeschikkingSoort.PipBijstelling ? "Beschikking bijstelling PIP" : "Beschikking PIP",
                b.Kenmerk, b.Datum, b.Pdf, b.Sha256, Bestand(b.Kenmerk));
        }

        var h = await db.Set<Data.Model.Keten.Handhavingsbesluit>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == o.DocumentId, ct);
        if (h?.Pdf is null) return null;
        var kenmerk = h.Kenmerk ?? h.Id.ToString("N")[..8];
        return new Brief(nameof(ZgwDocumentBron.Handhaving), $"Handhaving: {h.Stapnaam}", kenmerk, h.Datum, h.Pdf,
            h.Sha256 ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(h.Pdf)), Bestand(kenmerk));
    }

    private static string Bestand(string kenmerk) => BestandsnaamTeken().Replace(kenmerk, "-") + ".pdf";

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex BestandsnaamTeken();

    /// <summary>
    /// The closure: a resultaat of the type that fits how the case ended, the eindstatus (the zaaksysteem closes the
    /// zaak), and the archive metadata. The resultaattype carries archiefnominatie and archiefactietermijn from the
    /// selectielijst; with the brondatum 'afgehandeld' the archiefactiedatum is the einddatum plus that term, and Koers
    /// sets both on the zaak so they do not depend on the zaaksysteem's own derivation. Other brondatum kinds are left to it.
    /// </summary>
    private async Task<(string, string?)> AfsluitingAsync(ZgwOpdracht o, Inburgeraar i, ZgwGemeenteOpties g, CancellationToken ct)
    {
        var zaak = await ZaakAsync(i, g, ct);
        var fase = o.Fase ?? i.Fase;
        var cat = await CatalogusAsync(g, ct);
        var rt = cat.Resultaattype(g.Resultaattypen.TryGetValue(fase.ToString(), out var oms) ? oms
            : throw new ZgwWeigeringException($"Voor de afsluiting '{FaseNaam(fase)}' is geen resultaattype ingesteld (Zgw:Gemeenten:…:Resultaattypen:{fase})."));
        var eind = cat.Eindstatus ?? throw new ZgwWeigeringException($"Het zaaktype '{cat.Omschrijving}' heeft geen eindstatus.");
        var resultaten = client.Adres(ZgwApi.Zaken, "resultaten");
        if ((await client.LijstAsync(ZgwCatalogi.Met(resultaten, "zaak", zaak), ct)).Count == 0)
        {
            await client.PostAsync(resultaten, new ZgwResultaatVraag(zaak, rt.Url, $"Afgesloten in Koers: {FaseNaam(fase)}"), ct);
        }

        await StatusZettenAsync(zaak, eind, o.GebeurdOp, $"Afgesloten in Koers: {FaseNaam(fase)}", ct);
        var einddatum = DateOnly.FromDateTime(Klok.NaarNederlandseTijd(o.GebeurdOp));
        DateOnly? actiedatum = rt.Afleidingswijze == "afgehandeld" && Termijn(rt.Archiefactietermijn) is { } termijn ? termijn(einddatum) : null;
        JsonElement z;
        if (rt.Archiefnominatie is { Length: > 0 } nominatie)
        {
            z = await client.PatchAsync(new Uri(zaak), new ZgwArchiefVraag(nominatie, actiedatum is { } a ? Datum(a) : null), ct);
        }
        else z = await client.GetAsync(new Uri(zaak), ct);

        var rij = await db.ZgwZaken.FirstAsync(x => x.InburgeraarId == i.Id, ct);
        rij.Einddatum = einddatum;
        rij.Archiefnominatie = ZgwCatalogi.Tekst(z, "archiefnominatie") ?? rt.Archiefnominatie;
        rij.Archiefactiedatum = ZgwCatalogi.Tekst(z, "archiefactiedatum") is { } ad && DateOnly.TryParseExact(ad, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : actiedatum;
        return (zaak, $"Zaaksysteem: zaak afgesloten met resultaat '{rt.Omschrijving}' (archiefnominatie {rij.Archiefnominatie ?? "onbekend"}, archiefactiedatum {(rij.Archiefactiedatum is { } x ? Datum(x) : "door het zaaksysteem bepaald")})");
    }

    /// <summary>An ISO 8601 period of years, months, weeks and days (P5Y, P1Y6M, P20Y); null for anything else.</summary>
    public static Func<DateOnly, DateOnly>? Termijn(string? iso)
    {
        if (string.IsNullOrWhiteSpace(iso)) return null;
        var m = TermijnPatroon().Match(iso.Trim());
        if (!m.Success || m.Length == 1) return null;
        int Deel(string naam) => m.Groups[naam].Success ? int.Parse(m.Groups[naam].Value, CultureInfo.InvariantCulture) : 0;
        var (j, mnd, w, dg) = (Deel("j"), Deel("m"), Deel("w"), Deel("d"));
        return datum => datum.AddYears(j).AddMonths(mnd).AddDays((7 * w) + dg);
    }

    [GeneratedRegex(@"^P(?:(?<j>\d+)Y)?(?:(?<m>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?$")]
    private static partial Regex TermijnPatroon();

    public static string Omschrijving(ZgwOpdracht o) => o.Soort switch
    {
        ZgwOpdrachtSoort.Zaak => "zaak aanmaken",
        ZgwOpdrachtSoort.Status => $"status '{(o.Fase is { } f ? FaseNaam(f) : "?")}' zetten",
        ZgwOpdrachtSoort.Document => o.DocumentBron == ZgwDocumentBron.Handhaving ? "handhavingsbrief archiveren" : "PIP-beschikking archiveren",
        _ => $"zaak afsluiten ({(o.Fase is { } f2 ? FaseNaam(f2) : "?")})",
    };

    public static string FaseNaam(Fase f) => f.Omschrijving();

    private static string Datum(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Moment(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Kort(string s) => s.Length > 1900 ? s[..1900] + "…" : s;
}

public sealed class ZgwAchtergrond(IServiceScopeFactory scopes, ZgwOpties opties, ILogger<ZgwAchtergrond> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, opties.IntervalSeconden)));
        // First run after one interval: at start-up the stand-in (and the app) is not listening yet.
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ZgwVerwerker>().VerwerkAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must survive a bad run (database restart); the next tick tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                log.LogError("Zaaksysteem: verwerking mislukt: {Fout}", e.GetType().Name);
            }
        }
    }
}
