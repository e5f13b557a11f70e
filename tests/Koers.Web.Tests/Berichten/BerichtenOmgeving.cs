using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Koers.Web.Features.Berichten;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace Koers.Web.Tests.Berichten;

/// <summary>
/// Koers with a real SMTP server started by the test (netDumbster, on a free loopback port, plain SMTP) and the
/// sender run by hand. <see cref="SmtpUit"/>/<see cref="SmtpAan"/> take the server down and bring it back on the
/// same port; <see cref="Crash"/> makes the database refuse the 'sent' update once, as a process killed between
/// the SMTP conversation and the commit would.
/// </summary>
public abstract class BerichtenOmgeving : IDisposable
{
    protected BerichtenOmgeving(KoersFactory basis)
    {
        Basis = basis;
        Poort = VrijePoort();
        Smtp = SimpleSmtpServer.Start(Poort);
        App = basis.WithWebHostBuilder(b =>
        {
            b.UseSetting("Berichten:Smtp:Host", "127.0.0.1");
            b.UseSetting("Berichten:Smtp:Port", Poort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Berichten:Smtp:Beveiliging", "Geen");
            b.UseSetting("Berichten:Smtp:TimeoutSeconden", "5");
            b.UseSetting("Berichten:Smtp:Afzender", "inburgering@kempen.example");
            b.UseSetting("Berichten:PortaalUrl", "https://koers.kempen.example/mijn");
            b.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(Crash));
        });
    }

    public KoersFactory Basis { get; }
    public WebApplicationFactory<Program> App { get; }
    public int Poort { get; }
    public SimpleSmtpServer Smtp { get; private set; }
    public CrashNaVersturen Crash { get; } = new();

    public void SmtpUit() => Smtp.Stop();

    public void SmtpAan() => Smtp = SimpleSmtpServer.Start(Poort);

    /// <summary>The e-mails the SMTP server received, parsed as MIME.</summary>
    public IReadOnlyList<MimeMessage> Ontvangen => Smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))).ToList();

    public IReadOnlyList<MimeMessage> OntvangenDoor(string adres) =>
        Ontvangen.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, adres, StringComparison.OrdinalIgnoreCase))).ToList();

    public async Task<int> VerstuurAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BerichtVerzender>().VerstuurAsync();
    }

    public T Db<T>(Func<Koers.Data.KoersDbContext, T> werk)
    {
        using var scope = App.Services.CreateScope();
        return werk(scope.ServiceProvider.GetRequiredService<Koers.Data.KoersDbContext>());
    }

    public HttpClient Als(string email)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Remove(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header);
        client.DefaultRequestHeaders.Add(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header, email);
        return client;
    }

    private static int VrijePoort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Smtp.Dispose();
        App.Dispose();
        Basis.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>While armed, the first UPDATE that marks a notification 'Verzonden' fails: the e-mail left, the record did not.</summary>
    public sealed class CrashNaVersturen : DbCommandInterceptor
    {
        public bool Scherp { get; set; }
        public int Gecrasht { get; private set; }

        private void Kijk(DbCommand c)
        {
            if (!Scherp || !c.CommandText.Contains("UPDATE", StringComparison.OrdinalIgnoreCase) || !c.CommandText.Contains("notificatie", StringComparison.Ordinal)) return;
            if (!c.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, "Verzonden")) && !c.CommandText.Contains("'Verzonden'", StringComparison.Ordinal)) return;
            Scherp = false;
            Gecrasht++;
            throw new InvalidOperationException("Gesimuleerde crash tussen versturen en vastleggen");
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Kijk(command);
            return base.NonQueryExecuting(command, eventData, result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Kijk(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Kijk(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed class BerichtenSqliteOmgeving() : BerichtenOmgeving(new SqliteFactory());

public sealed class BerichtenPostgresOmgeving() : BerichtenOmgeving(new PostgresFactory());
