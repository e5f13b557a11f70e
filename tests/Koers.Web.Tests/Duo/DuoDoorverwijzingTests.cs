using System.Net;
using System.Net.Sockets;
using Koers.Data;
using Koers.Data.Model.Duo;
using Koers.Web.Features.Duo;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Duo;

/// <summary>
/// Koers never follows a redirect from DUO: following it would send the request, with the BSN in its path and the
/// person's data in its body, on to an address nobody configured. A real socket handler (not the test server's, which
/// follows nothing anyway) against a stand-in for DUO on loopback that answers every call with 302 to another path.
/// </summary>
public sealed class DuoDoorverwijzingTests : IDisposable
{
    private readonly SqliteFactory _basis = new();

    public void Dispose() => _basis.Dispose();

    [Fact]
    public async Task Een_doorverwijzing_van_DUO_wordt_niet_gevolgd_en_het_bericht_wacht_op_een_nieuwe_poging()
    {
        int poort;
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            poort = ((IPEndPoint)l.LocalEndpoint).Port;
        }

        using var dienst = new HttpListener();
        dienst.Prefixes.Add($"http://127.0.0.1:{poort}/");
        dienst.Start();
        var naarDuo = new List<string>();
        var elders = new List<string>();
        var luisteraar = Task.Run(async () =>
        {
            while (dienst.IsListening)
            {
                HttpListenerContext c;
                try { c = await dienst.GetContextAsync(); } catch (HttpListenerException) { break; } catch (ObjectDisposedException) { break; }
                var pad = c.Request.Url!.AbsolutePath;
                if (pad.StartsWith("/duo/", StringComparison.Ordinal))
                {
                    lock (naarDuo) naarDuo.Add($"{c.Request.HttpMethod} {pad}");
                    c.Response.StatusCode = 302;
                    c.Response.RedirectLocation = $"http://127.0.0.1:{poort}/elders/inloggen";
                }
                else
                {
                    lock (elders) elders.Add($"{c.Request.HttpMethod} {pad}");
                    c.Response.StatusCode = 200;
                }

                c.Response.Close();
            }
        });

        using var app = _basis.WithWebHostBuilder(b =>
        {
            b.UseSetting("Duo:BaseUrl", $"http://127.0.0.1:{poort}/duo/v1");
            b.UseSetting("Duo:NotificatieToken", DuoOmgeving.Token);
        });

        Guid berichtId;
        string bsn;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
            var inburgeraar = await db.Inburgeraars.FirstAsync(i => i.Bsn != null);
            bsn = inburgeraar.Bsn!.Value.Value;
            berichtId = scope.ServiceProvider.GetRequiredService<DuoOutbox>().MeldGevolgdeUren(inburgeraar, OutboxSoort.UrenParticipatieTaalles, 12).Id;
            await db.SaveChangesAsync();
        }

        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DuoOutbox>().VerstuurAsync());
        }

        dienst.Stop();
        await luisteraar;

        // DUO was asked once, and nothing went to the address it pointed to.
        Assert.Equal([$"PUT /duo/v1/personen/{bsn}/uren/participatietaalles"], naarDuo);
        Assert.Empty(elders);

        // Not sent and not refused by DUO: a wrong address, tried again later, and said so on the message.
        using (var scope = app.Services.CreateScope())
        {
            var bericht = await scope.ServiceProvider.GetRequiredService<KoersDbContext>().DuoUitgaandeBerichten.AsNoTracking().SingleAsync(b => b.Id == berichtId);
            Assert.Equal(OutboxStatus.Wachtend, bericht.Status);
            Assert.Equal(1, bericht.Pogingen);
            Assert.NotNull(bericht.VolgendePogingOp);
            Assert.Contains("doorverwijzing (status 302)", bericht.Melding);
        }
    }
}
