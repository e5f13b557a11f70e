using System.Net;
using System.Text.Json.Nodes;
using Ical.Net;
using Koers.Data.Model;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Koers.Web.Tests.Berichten;

/// <summary>
/// E-mail to the inburgeraar, end to end over HTTP with a real SMTP server: consent recorded by the klantregisseur,
/// an appointment made, moved and cancelled (iCalendar with one UID), exactly-once under a second run and a crash
/// between send and record, nothing without consent, retry when the SMTP server is down, no BSN in any mail.
/// </summary>
public abstract class BerichtenTests(BerichtenOmgeving omgeving)
{
    private static int _volgnummer;

    private async Task<(Guid Id, string Bsn, string Email)> DossierAsync(bool optIn, string taal = "ar")
    {
        var client = omgeving.App.CreateClient();
        var bsn = Testdata.NieuwBsn();
        var invoer = Testdata.Inburgeraar(bsn: bsn, koppelingsdatum: "2026-01-05");
        var n = Interlocked.Increment(ref _volgnummer);
        invoer["achternaam"] = "Bericht" + n;
        var r = await client.PostJsonAsync("/api/v1/koppelingen", invoer);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = Guid.Parse((await r.LeesAsync())["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/pipVastgesteld", new { datum = "2026-03-02" })).StatusCode);
        var email = $"inburgeraar{n}-{Guid.NewGuid():N}@mail.example";
        if (optIn)
        {
            var z = await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/berichtvoorkeuren", new { email = true, emailAdres = email, taal, toelichting = "telefonisch doorgegeven" });
            Assert.Equal(HttpStatusCode.NoContent, z.StatusCode);
        }

        return (id, bsn, email);
    }

    private async Task<Guid> PlanAsync(Guid id, string datum = "2026-06-25", string? tijd = "14:30", string? locatie = "Gemeentehuis Eersel, Markt 2")
    {
        var r = await omgeving.App.CreateClient().PostJsonAsync($"/api/v1/inburgeraars/{id}/voortgangsgesprekken", new { geplandOp = datum, tijd, locatie });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return Guid.Parse((await r.LeesAsync())["id"]!.GetValue<string>());
    }

    private static string Tekst(MimeMessage m) => m.TextBody ?? string.Empty;

    private static Calendar Agenda(MimeMessage m)
    {
        var deel = m.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal("afspraak.ics", deel.FileName);
        return Calendar.Load(deel.Text)!;
    }

    private List<Notificatie> Notificaties(Guid id) => omgeving.Db(db => db.Notificaties.AsNoTracking().Where(n => n.InburgeraarId == id).ToList());

    [Fact]
    public async Task Afspraak_geeft_een_mail_in_de_eigen_taal_met_agenda_en_wijziging_en_annulering_houden_dezelfde_UID()
    {
        var (id, bsn, email) = await DossierAsync(optIn: true, taal: "ar");
        var gesprek = await PlanAsync(id);

        await omgeving.VerstuurAsync();
        await omgeving.VerstuurAsync(); // a second run sends nothing again
        var mail = Assert.Single(omgeving.OntvangenDoor(email));
        Assert.Contains("لديك موعد مع مدير ملفك", Tekst(mail)); // Arabic: 'you have an appointment with your case manager'
        Assert.Contains("14:30", Tekst(mail));
        Assert.Contains("Gemeentehuis Eersel, Markt 2", Tekst(mail));
        Assert.Equal("ar", mail.BodyParts.OfType<TextPart>().Single(p => p.IsPlain).Headers[HeaderId.ContentLanguage]);
        Assert.DoesNotContain(bsn, mail.ToString());
        var ics = Agenda(mail);
        Assert.Equal("REQUEST", ics.Method);
        var e = Assert.Single(ics.Events);
        Assert.Equal($"{gesprek:D}@koers", e.Uid);
        // 14:30 in Eersel on 25 June (CEST, UTC+2) is 12:30 UTC.
        Assert.Equal(new DateTime(2026, 6, 25, 12, 30, 0, DateTimeKind.Utc), e.DtStart!.AsUtc);
        Assert.Equal(0, e.Sequence);

        // Moved: the same calendar entry (UID) with a higher SEQUENCE.
        var client = omgeving.App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/voortgangsgesprekken/{gesprek}/planning",
            new { geplandOp = "2026-06-26", tijd = "09:00", locatie = "Gemeentehuis Eersel, Markt 2" })).StatusCode);
        await omgeving.VerstuurAsync();
        var gewijzigd = omgeving.OntvangenDoor(email).Single(m => m.MessageId != mail.MessageId);
        Assert.Contains("تم تغيير موعدك", gewijzigd.Subject);
        var e2 = Assert.Single(Agenda(gewijzigd).Events);
        Assert.Equal(e.Uid, e2.Uid);
        Assert.Equal(1, e2.Sequence);
        Assert.Equal(new DateTime(2026, 6, 26, 7, 0, 0, DateTimeKind.Utc), e2.DtStart!.AsUtc);

        // Cancelled: METHOD CANCEL for that UID.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/inburgeraars/{id}/voortgangsgesprekken/{gesprek}/annulering", null)).StatusCode);
        await omgeving.VerstuurAsync();
        Assert.Equal(3, omgeving.OntvangenDoor(email).Count);
        var annulering = omgeving.OntvangenDoor(email).Single(m => Agenda(m).Method == "CANCEL");
        Assert.Equal(e.Uid, Assert.Single(Agenda(annulering).Events).Uid);
        Assert.All(Notificaties(id), n => Assert.Equal(NotificatieStatus.Verzonden, n.Status));
    }

    [Fact]
    public async Task Turks_nieuwe_brief_en_bericht_van_de_klantregisseur_zonder_inhoud()
    {
        var (id, bsn, email) = await DossierAsync(optIn: true, taal: "tr");
        var client = omgeving.App.CreateClient();
        const string geheim = "Uw uitkering en uw gezondheid: vertrouwelijk";
        var r = await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/berichten", new { tekst = geheim });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        await omgeving.VerstuurAsync();
        var mail = Assert.Single(omgeving.OntvangenDoor(email));
        Assert.Contains("Vaka yöneticiniz size bir mesaj gönderdi", Tekst(mail));
        Assert.Contains("https://koers.kempen.example/mijn/berichten", Tekst(mail));
        Assert.DoesNotContain("vertrouwelijk", mail.ToString());
        Assert.DoesNotContain(bsn, mail.ToString());
        Assert.Empty(mail.Attachments);

        // The inburgeraar reads it in the portal; it is not a 'new message from the inburgeraar' on the worklist.
        var eigen = omgeving.Db(db => db.Berichten.AsNoTracking().Single(b => b.InburgeraarId == id));
        Assert.True(eigen.VanKlantregisseur);
    }

    [Fact]
    public async Task Zonder_toestemming_of_na_afmelden_komt_er_niets()
    {
        var (zonder, _, _) = await DossierAsync(optIn: false);
        await PlanAsync(zonder);
        Assert.Empty(Notificaties(zonder));

        var (afgemeld, _, email) = await DossierAsync(optIn: true, taal: "uk");
        var client = omgeving.App.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutJsonAsync($"/api/v1/inburgeraars/{afgemeld}/berichtvoorkeuren", new { email = false, toelichting = "belde af" })).StatusCode);
        await PlanAsync(afgemeld);
        await omgeving.VerstuurAsync();
        Assert.Empty(Notificaties(afgemeld));
        Assert.Empty(omgeving.OntvangenDoor(email));

        // The consent history shows who recorded what and how.
        var stand = await (await client.GetAsync($"/api/v1/inburgeraars/{afgemeld}/berichtvoorkeuren")).LeesAsync();
        var historie = stand["historie"]!.AsArray();
        Assert.Equal(2, historie.Count);
        Assert.False(historie[0]!["aan"]!.GetValue<bool>());
        Assert.Equal("belde af", historie[0]!["toelichting"]!.GetValue<string>());
        Assert.Equal("klantregisseur", historie[0]!["via"]!.GetValue<string>());
    }

    [Fact]
    public async Task Smtp_plat_blijft_wachtend_en_wordt_later_bezorgd()
    {
        var (id, _, email) = await DossierAsync(optIn: true, taal: "fa");
        var begin = omgeving.Basis.Tijd.Nu;
        omgeving.SmtpUit();
        try
        {
            await PlanAsync(id);
            await omgeving.VerstuurAsync();
            var n = Assert.Single(Notificaties(id));
            Assert.Equal(NotificatieStatus.Wachtend, n.Status);
            Assert.Equal(1, n.Pogingen);
            Assert.NotNull(n.VolgendePogingOp);
            Assert.NotNull(n.Melding);

            // Visible to beheer while it waits.
            var open = await (await omgeving.App.CreateClient().GetAsync("/api/v1/berichten/uitgaand")).LeesAsync();
            Assert.Contains(open.AsArray(), r => r!["id"]!.GetValue<string>() == n.Id.ToString());

            omgeving.SmtpAan();
            await omgeving.VerstuurAsync(); // not yet: the wait after the first failure has not passed
            Assert.Empty(omgeving.OntvangenDoor(email));
            omgeving.Basis.Tijd.Nu = begin.AddMinutes(2);
            await omgeving.VerstuurAsync();
            var mail = Assert.Single(omgeving.OntvangenDoor(email));
            Assert.Contains("شما با مدیر پرونده‌تان", Tekst(mail));
            Assert.Equal(NotificatieStatus.Verzonden, Assert.Single(Notificaties(id)).Status);
        }
        finally
        {
            omgeving.Basis.Tijd.Nu = begin;
            if (!IsActief(omgeving)) omgeving.SmtpAan();
        }
    }

    private static bool IsActief(BerichtenOmgeving o)
    {
        try
        {
            using var c = new System.Net.Sockets.TcpClient("127.0.0.1", o.Poort);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Crash_tussen_versturen_en_vastleggen_verstuurt_niet_nog_een_keer()
    {
        var (id, _, email) = await DossierAsync(optIn: true, taal: "ti");
        var begin = omgeving.Basis.Tijd.Nu;
        try
        {
            await PlanAsync(id);
            omgeving.Crash.Scherp = true;
            await Assert.ThrowsAnyAsync<Exception>(omgeving.VerstuurAsync);
            Assert.Equal(1, omgeving.Crash.Gecrasht);
            Assert.Single(omgeving.OntvangenDoor(email));
            Assert.Equal(NotificatieStatus.Bezig, Assert.Single(Notificaties(id)).Status);

            // The restarted sender does not send it again, now or later; after a while it asks a human.
            await omgeving.VerstuurAsync();
            omgeving.Basis.Tijd.Nu = begin.AddMinutes(30);
            await omgeving.VerstuurAsync();
            Assert.Single(omgeving.OntvangenDoor(email));
            var n = Assert.Single(Notificaties(id));
            Assert.Equal(NotificatieStatus.Onzeker, n.Status);

            // Beheer sees it and may decide to offer it again.
            var beheer = omgeving.App.CreateClient();
            var pagina = await beheer.GetStringAsync("/beheer/berichten");
            Assert.Contains(n.Id.ToString(), pagina);
            Assert.Equal(HttpStatusCode.NoContent, (await beheer.PostAsync($"/api/v1/berichten/uitgaand/{n.Id}/opnieuw", null)).StatusCode);
            await omgeving.VerstuurAsync();
            Assert.Equal(2, omgeving.OntvangenDoor(email).Count);
            Assert.Equal(NotificatieStatus.Verzonden, Assert.Single(Notificaties(id)).Status);
        }
        finally
        {
            omgeving.Crash.Scherp = false;
            omgeving.Basis.Tijd.Nu = begin;
        }
    }

    [Fact]
    public async Task Inburgeraar_zet_email_aan_en_uit_in_het_portaal_in_de_eigen_taal()
    {
        const string inburgeraar = "inburgeraar@demo.example";
        var portaal = omgeving.Als(inburgeraar);
        var id = omgeving.Db(db => db.Users.Single(u => u.Email == inburgeraar).InburgeraarId!.Value);
        var adres = $"demo-{Guid.NewGuid():N}@mail.example";

        async Task<HttpResponseMessage> ZetAsync(string email, string emailAdres)
        {
            var pagina = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await portaal.GetStringAsync("/mijn/berichten?taal=tr"));
            Assert.Equal("tr", pagina.DocumentElement.GetAttribute("lang"));
            Assert.Equal("Belediyeden mesajlar", pagina.QuerySelector("h1")!.TextContent.Trim());
            var token = pagina.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await portaal.PostAsync("/mijn/berichten", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Voorkeur.Email"] = email, ["Voorkeur.EmailAdres"] = emailAdres, ["Voorkeur.Sms"] = "false", ["Voorkeur.Telefoon"] = "",
            }));
        }

        // A wrong address is refused in the person's language, and nothing is recorded.
        var fout = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await ZetAsync("true", "geen-adres")).Content.ReadAsStringAsync());
        Assert.Contains("Geçerli bir e-posta adresi girin", fout.QuerySelector("#EmailAdres-fout")!.TextContent);

        // The demo person starts opted in (demo data); off first, so turning it on is a new, recorded choice.
        Assert.Equal(HttpStatusCode.OK, (await ZetAsync("false", adres)).StatusCode);
        var aan = await ZetAsync("true", adres);
        Assert.Equal(HttpStatusCode.OK, aan.StatusCode);
        Assert.Equal("Seçiminiz kaydedildi.", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await aan.Content.ReadAsStringAsync()).QuerySelector("#opgeslagen")!.TextContent);
        var rij = omgeving.Db(db => db.Berichttoestemmingen.AsNoTracking().Where(b => b.InburgeraarId == id && b.Kanaal == Berichtkanaal.Email).OrderByDescending(b => b.Id).First());
        Assert.True(rij.Aan);
        Assert.Equal(ToestemmingBron.Portaal, rij.Via);
        Assert.Equal(inburgeraar, rij.Door);
        Assert.Equal("tr", omgeving.Db(db => db.Inburgeraars.Single(i => i.Id == id).PortaalTaal));
        Assert.Contains(omgeving.Db(db => db.Audit.AsNoTracking().Where(a => a.InburgeraarId == id).Select(a => a.Omschrijving).ToList()),
            o => o.Contains("door de inburgeraar in het portaal", StringComparison.Ordinal) && o.Contains("e-mail aan", StringComparison.Ordinal));

        // The klantregisseur writes; the person gets a Turkish e-mail and reads the message in the portal.
        var klantregisseur = omgeving.App.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await klantregisseur.PostJsonAsync($"/api/v1/inburgeraars/{id}/berichten", new { tekst = "Wilt u uw diploma meenemen?" })).StatusCode);
        await omgeving.VerstuurAsync();
        Assert.Contains("Vaka yöneticiniz size bir mesaj gönderdi", Tekst(Assert.Single(omgeving.OntvangenDoor(adres))));
        Assert.Contains("Wilt u uw diploma meenemen?", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await portaal.GetStringAsync("/mijn/berichten")).QuerySelector("#berichten")!.TextContent);

        // Off again: the next message is in the portal, but no e-mail.
        Assert.Equal(HttpStatusCode.OK, (await ZetAsync("false", adres)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await klantregisseur.PostJsonAsync($"/api/v1/inburgeraars/{id}/berichten", new { tekst = "Tweede bericht" })).StatusCode);
        await omgeving.VerstuurAsync();
        Assert.Single(omgeving.OntvangenDoor(adres));
    }

    [Fact]
    public async Task Vastgesteld_PIP_is_een_nieuwe_brief_de_mail_zegt_alleen_dat_hij_er_is()
    {
        var client = omgeving.App.CreateClient();
        var bsn = Testdata.NieuwBsn();
        var r = await client.PostJsonAsync("/api/v1/koppelingen", Testdata.Inburgeraar(bsn: bsn, koppelingsdatum: "2026-03-02"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = (await r.LeesAsync())["id"]!.GetValue<string>();
        var email = $"brief-{Guid.NewGuid():N}@mail.example";
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/berichtvoorkeuren", new { email = true, emailAdres = email, taal = "en", toelichting = "formulier aan de balie" })).StatusCode);
        await Testdata.PipVaststellenAsync(client, id);

        await omgeving.VerstuurAsync();
        var mail = Assert.Single(omgeving.OntvangenDoor(email));
        Assert.Equal("You have a new letter from the municipality", mail.Subject);
        Assert.Contains("You have a new letter. Log in at https://koers.kempen.example/mijn to read it.", Tekst(mail));
        Assert.DoesNotContain(bsn, mail.ToString());
        Assert.DoesNotContain("B1", Tekst(mail)); // nothing of the letter itself
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public async Task Sms_gaat_via_de_ingestelde_HTTP_dienst_met_een_vaste_referentie()
    {
        var poort = VrijePoort();
        using var dienst = new HttpListener();
        dienst.Prefixes.Add($"http://127.0.0.1:{poort}/sms/");
        dienst.Start();
        var ontvangen = new List<(string Body, string? Sleutel, string? Auth)>();
        var luisteraar = Task.Run(async () =>
        {
            while (dienst.IsListening)
            {
                HttpListenerContext c;
                try { c = await dienst.GetContextAsync(); } catch (HttpListenerException) { break; } catch (ObjectDisposedException) { break; }
                using var lezer = new StreamReader(c.Request.InputStream);
                var body = await lezer.ReadToEndAsync();
                lock (ontvangen) ontvangen.Add((body, c.Request.Headers["Idempotency-Key"], c.Request.Headers["Authorization"]));
                c.Response.StatusCode = 202;
                c.Response.Close();
            }
        });
        using var metSms = omgeving.App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Berichten:Sms:Url", $"http://127.0.0.1:{poort}/sms/");
            b.UseSetting("Berichten:Sms:Token", "sms-test-token");
        });
        var (id, bsn, _) = await DossierAsync(optIn: false);
        var client = omgeving.App.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/berichtvoorkeuren", new { sms = true, telefoon = "06 12345678", taal = "tr", toelichting = "telefonisch" })).StatusCode);
        await PlanAsync(id);
        using (var scope = metSms.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Koers.Web.Features.Berichten.BerichtVerzender>().VerstuurAsync();
            await scope.ServiceProvider.GetRequiredService<Koers.Web.Features.Berichten.BerichtVerzender>().VerstuurAsync();
        }

        dienst.Stop();
        await luisteraar;
        var sms = Assert.Single(ontvangen);
        var json = JsonNode.Parse(sms.Body)!;
        Assert.Equal("06 12345678", json["to"]!.GetValue<string>());
        Assert.Contains("ilerleme görüşmesi", json["text"]!.GetValue<string>());
        Assert.DoesNotContain(bsn, sms.Body);
        var n = Assert.Single(Notificaties(id));
        Assert.Equal(Berichtkanaal.Sms, n.Kanaal);
        Assert.Equal(NotificatieStatus.Verzonden, n.Status);
        Assert.Equal(n.Id.ToString("N"), sms.Sleutel);
        Assert.Equal("Bearer sms-test-token", sms.Auth);
    }

    private static int VrijePoort()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Tabblad_berichten_toont_de_toestemming_en_is_dicht_buiten_bereik()
    {
        var (id, bsn, _) = await DossierAsync(optIn: true, taal: "fa");
        var pagina = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await omgeving.App.CreateClient().GetStringAsync($"/inburgeraars/{id}/berichten"));
        Assert.StartsWith("Aan sinds", pagina.QuerySelector("#stand-email")!.TextContent.Trim());
        Assert.Contains("telefonisch doorgegeven", pagina.QuerySelector("#stand-email")!.TextContent);
        Assert.Equal("Uit (nooit gekozen)", pagina.QuerySelector("#stand-sms")!.TextContent.Trim());
        Assert.DoesNotContain(bsn, pagina.DocumentElement.OuterHtml);
        // A klantregisseur of another region neither sees nor changes it.
        var weert = omgeving.Als("fleur.hendriks@weert.example");
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/inburgeraars/{id}/berichten")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.GetAsync($"/api/v1/inburgeraars/{id}/berichtvoorkeuren")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PutJsonAsync($"/api/v1/inburgeraars/{id}/berichtvoorkeuren", new { email = false, toelichting = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await weert.PostJsonAsync($"/api/v1/inburgeraars/{id}/berichten", new { tekst = "hallo" })).StatusCode);
        Assert.Single(omgeving.Db(db => db.Berichttoestemmingen.Where(b => b.InburgeraarId == id).ToList()));
    }

    /// <summary>The Berichten tab beyond the consent: whose case it is, what the klantregisseur wrote and the e-mail that went with it.</summary>
    [Fact]
    public async Task Tabblad_berichten_toont_naam_verstuurde_berichten_en_de_mail_erover()
    {
        var (id, _, email) = await DossierAsync(optIn: true, taal: "nl");
        var client = omgeving.App.CreateClient();
        var tekst = $"Neemt u uw diploma mee naar het gesprek? ({Guid.NewGuid():N})";
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/berichten", new { tekst })).StatusCode);
        var naam = omgeving.Db(db => db.Inburgeraars.Where(i => i.Id == id).Select(i => i.Voornamen + " " + i.Achternaam).Single());

        var pagina = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync($"/inburgeraars/{id}/berichten"));
        Assert.Equal($"← {naam}", pagina.QuerySelector("nav.utrecht-breadcrumb-nav a")!.TextContent.Trim());
        var verstuurd = Assert.Single(pagina.QuerySelectorAll("#verstuurde-berichten li"));
        Assert.Contains(tekst, verstuurd.TextContent);
        var mail = Assert.Single(pagina.QuerySelectorAll("#notificaties tbody tr"));
        Assert.Contains(Koers.Web.Features.Berichten.BerichtenService.Maskeer(email, Berichtkanaal.Email), mail.TextContent);
        Assert.DoesNotContain(email, mail.TextContent);
    }

    [Fact]
    public async Task Ongeldig_adres_wordt_in_het_Nederlands_geweigerd_en_niets_vastgelegd()
    {
        var (id, _, _) = await DossierAsync(optIn: false);
        var client = omgeving.App.CreateClient();
        var r = await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/berichtvoorkeuren", new { email = true, emailAdres = "geen-adres", toelichting = "balie" });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("geldig e-mailadres", (await r.LeesAsync())["errors"]!.ToJsonString());
        var zonderToelichting = await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/berichtvoorkeuren", new { email = true, emailAdres = "a@b.example" });
        Assert.Equal(HttpStatusCode.BadRequest, zonderToelichting.StatusCode);
        Assert.Empty(omgeving.Db(db => db.Berichttoestemmingen.Where(b => b.InburgeraarId == id).ToList()));
    }
}

public sealed class SqliteBerichtenTests(BerichtenSqliteOmgeving omgeving) : BerichtenTests(omgeving), IClassFixture<BerichtenSqliteOmgeving>;

public sealed class PostgresBerichtenTests(BerichtenPostgresOmgeving omgeving) : BerichtenTests(omgeving), IClassFixture<BerichtenPostgresOmgeving>;
