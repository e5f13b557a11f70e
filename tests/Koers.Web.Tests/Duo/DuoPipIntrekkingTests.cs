using System.Net;
using AngleSharp.Html.Parser;
using Koers.Data.Model;
using Koers.Data.Model.Duo;
using Koers.Web.Features.Duo;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Duo;

/// <summary>
/// 'PIP intrekken' (#17): the PIP in force is withdrawn with a reason (audited), the milestone and leerroute go, and
/// DELETE /personen/{bsn}/PIP is queued in the same transaction, checked first against DUO's conditions; the simulator
/// removes its copy or refuses as DUO does.
/// </summary>
public abstract class DuoPipIntrekkingTests(DuoOmgeving omgeving)
{
    private const string Reden = "Bezwaar gegrond: de leerroute is vastgesteld zonder de uitslag van de toets.";

    private List<DuoUitgaandBericht> Berichten(string id, OutboxSoort soort) =>
        omgeving.Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Where(b => b.InburgeraarId == Guid.Parse(id) && b.Soort == soort).OrderBy(b => b.AangemaaktOp).ToList());

    private Task<HttpResponseMessage> IntrekkenAsync(string id, string? reden = Reden) =>
        omgeving.App.CreateClient().PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/intrekking", new { reden });

    [Fact]
    public async Task Ingetrokken_PIP_verdwijnt_uit_het_dossier_en_bij_DUO()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route");
        await omgeving.VerstuurAsync();
        Assert.Single(omgeving.Sim.Persoon(bsn).Pips);

        var r = await IntrekkenAsync(id);
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());

        var dossier = omgeving.Db(db => db.Inburgeraars.AsNoTracking().Include(i => i.Mijlpalen).Single(i => i.Id == Guid.Parse(id)));
        Assert.Null(dossier.Leerroute);
        Assert.DoesNotContain(dossier.Mijlpalen, m => m.Soort == Koers.Domain.Dossier.Mijlpaal.PipVastgesteld);
        var versie = omgeving.Db(db => db.PipVersies.AsNoTracking().Single(v => v.InburgeraarId == Guid.Parse(id)));
        Assert.Equal((PipStatus.Ingetrokken, Reden), (versie.Status, versie.RedenIntrekking));
        Assert.True(omgeving.Db(db => db.Audit.Any(a => a.InburgeraarId == Guid.Parse(id) && a.Omschrijving == $"PIP ingetrokken (versie 1, dagtekening 15-06-2026): {Reden}")));
        var pip = await (await omgeving.App.CreateClient().GetAsync($"/api/v1/inburgeraars/{id}/pip")).LeesAsync();
        Assert.Null(pip["huidige"]);

        var bericht = Assert.Single(Berichten(id, OutboxSoort.PipIngetrokken));
        Assert.Equal(("DELETE", $"personen/{bsn}/PIP", string.Empty), (bericht.Methode, bericht.Pad, bericht.InhoudJson));
        await omgeving.VerstuurAsync();
        Assert.Equal((OutboxStatus.Verzonden, 200), (Berichten(id, OutboxSoort.PipIngetrokken)[0].Status, Berichten(id, OutboxSoort.PipIngetrokken)[0].Antwoordcode));
        Assert.Empty(omgeving.Sim.Persoon(bsn).Pips);

        // Withdrawn once: there is nothing left to withdraw.
        var nogmaals = await IntrekkenAsync(id);
        Assert.Equal(HttpStatusCode.BadRequest, nogmaals.StatusCode);
        Assert.Contains("geen vastgesteld PIP om in te trekken", await nogmaals.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Koers_weigert_zonder_reden_na_DUOs_termijn_en_bij_een_bijstelling()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route");
        var kort = await IntrekkenAsync(id, "fout");
        Assert.Equal(HttpStatusCode.BadRequest, kort.StatusCode);
        Assert.Contains("Leg vast waarom het PIP wordt ingetrokken", (await kort.LeesAsync())["errors"]!["reden"]![0]!.GetValue<string>());

        // DUO reported its termijn (SS102): DUO no longer deletes the PIP, so Koers does not withdraw it.
        await omgeving.VerstuurAsync();
        var (_, fout) = await omgeving.Sim.SpeelAfAsync(new SimGebeurtenis { Bsn = bsn, GebeurtenisId = "SS102", Datum = new DateOnly(2026, 6, 15) });
        Assert.Null(fout);
        await omgeving.VerwerkAsync();
        var naTermijn = await IntrekkenAsync(id);
        Assert.Equal(HttpStatusCode.BadRequest, naTermijn.StatusCode);
        Assert.Contains("DUO heeft de inburgeringstermijn al vastgesteld", (await naTermijn.LeesAsync())["errors"]!["pip"]![0]!.GetValue<string>());

        // A bijgesteld PIP cannot be withdrawn either.
        var ander = await omgeving.DossierMetVastgesteldPipAsync(Testdata.NieuwBsn(), "b1Route");
        omgeving.Db(db =>
        {
            // As after a bijstelling: version 1 replaced, version 2 in force.
            var huidige = db.PipVersies.Single(v => v.InburgeraarId == Guid.Parse(ander));
            huidige.Versie = 2;
            db.PipVersies.Add(new PipVersie
            {
                Id = Guid.NewGuid(), InburgeraarId = huidige.InburgeraarId, Versie = 1, Status = PipStatus.Vervangen, Leerroute = huidige.Leerroute,
                InhoudJson = huidige.InhoudJson, Dagtekening = new DateOnly(2026, 6, 1), AangemaaktOp = huidige.AangemaaktOp, GewijzigdOp = huidige.AangemaaktOp,
            });
            return db.SaveChanges();
        });
        var bijgesteld = await IntrekkenAsync(ander);
        Assert.Equal(HttpStatusCode.BadRequest, bijgesteld.StatusCode);
        Assert.Contains("Dit PIP is een bijstelling", await bijgesteld.Content.ReadAsStringAsync());

        Assert.Empty(Berichten(id, OutboxSoort.PipIngetrokken));
        Assert.Empty(Berichten(ander, OutboxSoort.PipIngetrokken));
        Assert.Equal(PipStatus.Vastgesteld, omgeving.Db(db => db.PipVersies.AsNoTracking().Single(v => v.InburgeraarId == Guid.Parse(id))).Status);
    }

    [Fact]
    public async Task DUO_weigert_als_zijn_termijn_al_loopt_en_dat_staat_op_het_dossier()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route");
        await omgeving.VerstuurAsync();
        // DUO set the termijn, but its SS102 has not reached Koers yet.
        omgeving.Sim.Persoon(bsn).Termijn = new DuoInburgeringstermijn(new DateOnly(2026, 6, 15), new DateOnly(2029, 6, 15));
        Assert.Equal(HttpStatusCode.OK, (await IntrekkenAsync(id)).StatusCode);
        await omgeving.VerstuurAsync();
        var bericht = Assert.Single(Berichten(id, OutboxSoort.PipIngetrokken));
        Assert.Equal((OutboxStatus.Geweigerd, 403), (bericht.Status, bericht.Antwoordcode));
        Assert.Contains("De inburgeringstermijn is al vastgesteld", bericht.Melding);
        Assert.Single(omgeving.Sim.Persoon(bsn).Pips);
        var html = await omgeving.App.CreateClient().GetStringAsync($"/inburgeraars/{id}");
        Assert.Contains("PIP met dagtekening 15-06-2026 ingetrokken", html);
        Assert.Contains("DUO heeft 1 bericht(en) niet aangenomen", html);
    }

    [Fact]
    public async Task Geen_DELETE_als_DUO_het_PIP_nooit_aannam()
    {
        var bsn = Testdata.NieuwBsn();
        // DUO's plicht starts after the dagtekening: DUO refused the PIP, so it has nothing to delete.
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "b1Route", duoPlichtSinds: new DateOnly(2026, 6, 16));
        await omgeving.VerstuurAsync();
        Assert.Equal(OutboxStatus.Geweigerd, Assert.Single(Berichten(id, OutboxSoort.Pip)).Status);
        Assert.Equal(HttpStatusCode.OK, (await IntrekkenAsync(id)).StatusCode);
        Assert.Empty(Berichten(id, OutboxSoort.PipIngetrokken));
    }

    [Fact]
    public async Task PIP_intrekken_op_de_PIP_pagina()
    {
        var id = await omgeving.DossierMetVastgesteldPipAsync(Testdata.NieuwBsn(), "b1Route");
        var client = omgeving.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var url = $"/inburgeraars/{id}/pip";
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync(url));
        Assert.Equal("PIP intrekken", doc.QuerySelector("#intrekken summary")!.TextContent.Trim());
        string Token() => doc.QuerySelector("form[action$=Intrekken] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var actie = doc.QuerySelector("form[action$=Intrekken]")!.GetAttribute("action")!;

        var fout = await client.PostAsync(actie, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(), ["Intrekking.Reden"] = "" }));
        Assert.Equal(HttpStatusCode.OK, fout.StatusCode);
        var foutDoc = new HtmlParser().ParseDocument(await fout.Content.ReadAsStringAsync());
        Assert.Contains("Leg vast waarom het PIP wordt ingetrokken", foutDoc.QuerySelector("#intrekken")!.TextContent);
        Assert.NotNull(foutDoc.QuerySelector("#intrekken[open]"));

        var ok = await client.PostAsync(actie, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(), ["Intrekking.Reden"] = Reden }));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var na = new HtmlParser().ParseDocument(await client.GetStringAsync(url));
        Assert.Contains("Het PIP is ingetrokken", na.QuerySelector("[role=status]")!.TextContent);
        var rij = na.QuerySelector("#beschikkingen tbody tr")!.TextContent;
        Assert.Contains("Ingetrokken", rij);
        Assert.Contains(Reden, rij);
        Assert.Null(na.QuerySelector("#intrekken"));
    }
}

public sealed class SqliteDuoPipIntrekkingTests(DuoSqliteOmgeving omgeving) : DuoPipIntrekkingTests(omgeving), IClassFixture<DuoSqliteOmgeving>;

public sealed class PostgresDuoPipIntrekkingTests(DuoPostgresOmgeving omgeving) : DuoPipIntrekkingTests(omgeving), IClassFixture<DuoPostgresOmgeving>;
