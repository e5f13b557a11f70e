using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Koers.Data.Model.Keten;
using Koers.Domain.Voortgang;
using Koers.Web.Tests.Infrastructure;

namespace Koers.Web.Tests.Deploy;

/// <summary>
/// Issue #18: behind a load balancer a partner's retry of an upload can run at the same moment as the first attempt, on
/// another instance. The same file twice at once must both be answered 200 (the later one 'ongewijzigd' for the rows the
/// other stored), never a 500 from the unique index on the hours, and every row must be there once.
/// </summary>
public sealed class GelijktijdigeUploadTests : IDisposable
{
    private readonly PostgresFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Hetzelfde_bestand_tegelijk_twee_keer_geupload_geeft_twee_keer_200_en_elke_regel_een_keer()
    {
        const string email = "partner@taalschool.example";
        var (dossiers, partnerId) = _factory.MetDatabase(db =>
        {
            var partner = db.Users.Where(u => u.Email == email).Select(u => u.PartnerorganisatieId!.Value).Single();
            var regio = db.Partnerorganisaties.Where(p => p.Id == partner).Select(p => p.RegioId).Single();
            var ids = db.Inburgeraars.Where(i => i.Gemeente!.RegioId == regio && i.GeanonimiseerdOp == null).OrderBy(i => i.Id).Select(i => i.Id).Take(20).ToList();
            foreach (var id in ids)
            {
                db.Machtigingen.Add(new Machtiging
                {
                    Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = partner, Categorieen = Gegevenscategorie.Basisgegevens | Gegevenscategorie.Voortgang,
                    Van = new DateOnly(2021, 1, 1), Vorm = "Ondertekend formulier (test)", VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
                });
            }

            db.SaveChanges();
            return (ids, partner);
        });

        var weken = Enumerable.Range(1, 20).Select(w => Week.Maandag(KoersFactory.Vandaag).AddDays(-7 * w)).ToList();
        var csv = new StringBuilder("koers_id;week;soort;uren\n");
        foreach (var d in dossiers)
        {
            foreach (var w in weken) csv.Append(CultureInfo.InvariantCulture, $"{d};{Week.IsoNotatie(w)};pvt;2\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        for (var ronde = 0; ronde < 3; ronde++)
        {
            // Each round a fresh set of weeks for the same cases (a new 'soort' per round), sent four times at once.
            var inhoud = ronde == 0 ? bytes : Encoding.UTF8.GetBytes(csv.ToString().Replace(";pvt;", ronde == 1 ? ";map_theorie;" : ";map_praktijk;"));
            var antwoorden = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                using var client = _factory.ClientAls(email);
                var form = new MultipartFormDataContent();
                var bestand = new ByteArrayContent(inhoud);
                bestand.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                form.Add(bestand, "bestand", "lijst.csv");
                var antwoord = await client.PostAsync("/api/v1/partner/uren/csv", form);
                return (antwoord.StatusCode, Tekst: await antwoord.Content.ReadAsStringAsync());
            }));
            Assert.All(antwoorden, a => Assert.True(a.StatusCode == HttpStatusCode.OK, $"ronde {ronde}: {(int)a.StatusCode} {a.Tekst[..Math.Min(400, a.Tekst.Length)]}"));
        }

        var oudste = weken[^1];
        var aantal = _factory.MetDatabase(db => db.Urenregistraties.Count(u => u.PartnerorganisatieId == partnerId && dossiers.Contains(u.InburgeraarId)
            && (u.Soort == Urensoort.Pvt || u.Soort == Urensoort.MapTheorie || u.Soort == Urensoort.MapPraktijk) && u.Week >= oudste));
        Assert.Equal(3 * dossiers.Count * weken.Count, aantal);
    }
}
