using System.Net;
using Koers.Data.Model.Duo;
using Koers.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Duo;

/// <summary>
/// Hours of language and KNM during the brede intake (#17): the weeks before the PIP go to DUO as
/// PUT /personen/{bsn}/uren/bredeintake/taallesknm (schema TaallesEnKnmBredeIntake) when their total changes, in the
/// same transaction as the hours, and reach the simulator; later hours leave that total alone.
/// </summary>
public abstract class DuoUrenTests(DuoOmgeving omgeving)
{
    private List<DuoUitgaandBericht> Berichten(string id, OutboxSoort soort) =>
        omgeving.Db(db => db.DuoUitgaandeBerichten.AsNoTracking().Where(b => b.InburgeraarId == Guid.Parse(id) && b.Soort == soort).OrderBy(b => b.AangemaaktOp).ToList());

    private async Task UrenAsync(string id, string week, string soort, decimal uren) =>
        Assert.Equal(HttpStatusCode.OK, (await omgeving.App.CreateClient().PutJsonAsync($"/api/v1/inburgeraars/{id}/voortgang/uren", new { week, soort, uren })).StatusCode);

    [Fact]
    public async Task Uren_taal_en_KNM_tijdens_de_brede_intake_gaan_naar_DUO()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetPipConceptAsync(bsn, "b1Route");

        // During the brede intake (no PIP yet): 6 + 4.5 language, 2 KNM = 12 whole hours; participation does not count here.
        await UrenAsync(id, "2026-W20", "taal", 6);
        await UrenAsync(id, "2026-W21", "taal", 4.5m);
        await UrenAsync(id, "2026-W21", "knm", 2);
        await UrenAsync(id, "2026-W21", "participatie", 8);
        var berichten = Berichten(id, OutboxSoort.UrenTaallesKnm);
        Assert.Equal(["""{"uren":6}""", """{"uren":10}""", """{"uren":12}"""], berichten.Select(b => b.InhoudJson));
        Assert.All(berichten, b => Assert.Equal(("PUT", $"personen/{bsn}/uren/bredeintake/taallesknm"), (b.Methode, b.Pad)));
        var spec = Spec.Laad("GevolgdeUren");
        Assert.Empty(Spec.Valideer(System.Text.Json.JsonDocument.Parse(berichten[^1].InhoudJson).RootElement,
            Spec.Antwoord(spec, "/personen/{bsn}/uren/bredeintake/taallesknm", "put", "request"), spec));
        // A B1-route case sends no leerroute totals (those are for the Z-route).
        Assert.Empty(Berichten(id, OutboxSoort.UrenParticipatieTaalles));

        // The PIP (15 June) ends the brede intake: hours from then on leave the intake total alone.
        Assert.Equal(HttpStatusCode.Created, (await omgeving.VaststellenAsync(id)).StatusCode);
        await UrenAsync(id, "2026-W25", "taal", 3);
        Assert.Equal(3, Berichten(id, OutboxSoort.UrenTaallesKnm).Count);
        // A correction of an intake week does change it.
        await UrenAsync(id, "2026-W20", "taal", 5);
        Assert.Equal("""{"uren":11}""", Berichten(id, OutboxSoort.UrenTaallesKnm)[^1].InhoudJson);

        await omgeving.VerstuurAsync();
        Assert.All(Berichten(id, OutboxSoort.UrenTaallesKnm), b => Assert.Equal(OutboxStatus.Verzonden, b.Status));
        Assert.Equal(11, omgeving.Sim.Persoon(bsn).Uren["bredeintake/taallesknm"]);
        Assert.True(omgeving.Db(db => db.Audit.Any(a => a.InburgeraarId == Guid.Parse(id) && a.Omschrijving == "Naar DUO verzonden: Gevolgde uren (uren/bredeintake/taallesknm): 11")));
    }

    [Fact]
    public async Task Z_route_telt_intake_uren_niet_mee_bij_de_taaluren_van_de_leerroute()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetVastgesteldPipAsync(bsn, "zRoute");
        // Koers's data: one week before the PIP (15 June) is brede intake, one after is the leerroute.
        await UrenAsync(id, "2026-W23", "taal", 7);
        await UrenAsync(id, "2026-W25", "taal", 5);
        await UrenAsync(id, "2026-W25", "participatie", 9);

        Assert.Equal("""{"uren":7}""", Berichten(id, OutboxSoort.UrenTaallesKnm)[^1].InhoudJson);
        Assert.Equal("""{"uren":5}""", Berichten(id, OutboxSoort.UrenParticipatieTaalles)[^1].InhoudJson);
        Assert.Equal("""{"uren":9}""", Berichten(id, OutboxSoort.UrenParticipatieactiviteiten)[^1].InhoudJson);

        await omgeving.VerstuurAsync();
        var duo = omgeving.Sim.Persoon(bsn).Uren;
        Assert.Equal((7, 5, 9), (duo["bredeintake/taallesknm"], duo["participatietaalles"], duo["participatieactiviteiten"]));
    }

    [Fact]
    public async Task DUO_kent_de_persoon_niet_en_de_weigering_staat_op_het_dossier()
    {
        var bsn = Testdata.NieuwBsn();
        var id = await omgeving.DossierMetPipConceptAsync(bsn, "b1Route");
        omgeving.Sim.MaakOnbekend(bsn);
        await UrenAsync(id, "2026-W20", "knm", 4);
        await omgeving.VerstuurAsync();
        var bericht = Assert.Single(Berichten(id, OutboxSoort.UrenTaallesKnm));
        Assert.Equal((OutboxStatus.Geweigerd, 404), (bericht.Status, bericht.Antwoordcode));
        var html = await omgeving.App.CreateClient().GetStringAsync($"/inburgeraars/{id}");
        Assert.Contains("Gevolgde uren (uren/bredeintake/taallesknm): 4", html);
        Assert.Contains("DUO heeft 1 bericht(en) niet aangenomen", html);
    }
}

public sealed class SqliteDuoUrenTests(DuoSqliteOmgeving omgeving) : DuoUrenTests(omgeving), IClassFixture<DuoSqliteOmgeving>;

public sealed class PostgresDuoUrenTests(DuoPostgresOmgeving omgeving) : DuoUrenTests(omgeving), IClassFixture<DuoPostgresOmgeving>;
