using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Koers.Web.Tests.Infrastructure;
using Npgsql;

namespace Koers.Web.Tests.Bedrijfsvoering;

/// <summary>
/// Koers as the operating system runs it (#18): a real process, the `migrate` verb as its own step, an instance that
/// does not migrate itself, JSON log lines with trace ids, and SIGTERM ending the process cleanly. PostgreSQL, as in
/// production.
/// </summary>
public sealed class ProcesTests : IAsyncLifetime
{
    private readonly string _database = $"koers_test_{Guid.NewGuid():N}";
    private string Verbinding => new NpgsqlConnectionStringBuilder(PostgresFactory.PgServer) { Database = _database }.ConnectionString;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => PostgresFactory.VerwijderDatabaseAsync(_database);

    private static string Bronmap()
    {
        var map = new DirectoryInfo(AppContext.BaseDirectory);
        while (map is not null && !File.Exists(Path.Combine(map.FullName, "Koers.sln"))) map = map.Parent;
        return Path.Combine(map?.FullName ?? throw new InvalidOperationException("Koers.sln niet gevonden"), "src", "Koers.Web");
    }

    private static int VrijePoort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private sealed class Proces(Process p) : IDisposable
    {
        public Process P { get; } = p;
        public System.Collections.Concurrent.ConcurrentQueue<string> Uit { get; } = new();

        public void Dispose()
        {
            if (!P.HasExited) P.Kill(entireProcessTree: true);
            P.Dispose();
        }
    }

    private Proces Start(int? poort, (string Sleutel, string Waarde)[] omgeving, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Bronmap() };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Koers.Web.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["ASPNETCORE_URLS"] = poort is { } p ? $"http://127.0.0.1:{p}" : "http://127.0.0.1:0";
        psi.Environment["Database__Provider"] = "Postgres";
        psi.Environment["ConnectionStrings__Koers"] = Verbinding;
        psi.Environment["Koers__DemoData"] = "true";
        psi.Environment["Koers__DemoAantal"] = "10";
        psi.Environment["Duo__Achtergrond"] = "false";
        // Development says "simple" for people; production's default (appsettings.json) is JSON, set here as in production.
        psi.Environment["Logging__Console__FormatterName"] = "json";
        psi.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        foreach (var (k, v) in omgeving) psi.Environment[k] = v;
        var proces = new Proces(Process.Start(psi)!);
        proces.P.OutputDataReceived += (_, e) => { if (e.Data is not null) proces.Uit.Enqueue(e.Data); };
        proces.P.ErrorDataReceived += (_, e) => { if (e.Data is not null) proces.Uit.Enqueue(e.Data); };
        proces.P.BeginOutputReadLine();
        proces.P.BeginErrorReadLine();
        return proces;
    }

    private static async Task<bool> WachtOpAsync(HttpClient http, string adres, TimeSpan max, Process p)
    {
        var tot = DateTime.UtcNow + max;
        while (DateTime.UtcNow < tot && !p.HasExited)
        {
            try
            {
                using var a = await http.GetAsync(adres);
                if (a.StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        return false;
    }

    [Fact]
    public async Task Migreren_als_eigen_stap_daarna_starten_zonder_migratie_json_logs_en_netjes_stoppen_op_SIGTERM()
    {
        // 1. An instance that does not migrate itself, on an empty database, refuses to start and says why.
        using (var weiger = Start(null, [("Koers__Database__MigrerenBijStart", "false"), ("Koers__Database__SchemaWachttijdSeconden", "2")]))
        {
            Assert.True(weiger.P.WaitForExit(TimeSpan.FromSeconds(90)), "Koers startte op een database zonder schema.");
            weiger.P.WaitForExit(); // flushes the redirected output
            Assert.NotEqual(0, weiger.P.ExitCode);
            // The whole output on failure: a full run once showed only a truncated database connection error here.
            Assert.True(weiger.Uit.Any(r => r.Contains("loopt achter") && r.Contains("migrate")), string.Join('\n', weiger.Uit));
        }

        // 2. The migration step: `Koers.Web migrate` migrates (and seeds the demo) and exits 0 without serving.
        using (var migreer = Start(null, [], "migrate"))
        {
            Assert.True(migreer.P.WaitForExit(TimeSpan.FromMinutes(3)), "migrate eindigde niet");
            migreer.P.WaitForExit();
            Assert.True(migreer.P.ExitCode == 0, string.Join('\n', migreer.Uit.TakeLast(30)));
            Assert.DoesNotContain(migreer.Uit, r => r.Contains("Now listening"));
        }

        await using (var db = new NpgsqlConnection(Verbinding))
        {
            await db.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM inburgeraar", db);
            Assert.Equal(10L, await cmd.ExecuteScalarAsync());
        }

        // 3. Now the instance starts without migrating, logs JSON with a trace id per request, and serves.
        var poort = VrijePoort();
        using var app = Start(poort, [("Koers__Database__MigrerenBijStart", "false"), ("Koers__AfsluitVertragingSeconden", "3")]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.True(await WachtOpAsync(http, $"http://127.0.0.1:{poort}/health/ready", TimeSpan.FromMinutes(2), app.P),
            string.Join('\n', app.Uit.TakeLast(30)));
        using (var pagina = await http.GetAsync($"http://127.0.0.1:{poort}/inloggen"))
        {
            Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        }

        await Task.Delay(500);
        var json = app.Uit.Where(r => r.StartsWith('{')).Select(r => JsonDocument.Parse(r).RootElement).ToList();
        Assert.NotEmpty(json);
        Assert.Equal(app.Uit.Count(r => r.Length > 0), json.Count);
        var verzoek = json.FirstOrDefault(j => j.GetProperty("Message").GetString()!.Contains("/inloggen"));
        Assert.True(verzoek.ValueKind == JsonValueKind.Object, "Geen logregel van het verzoek naar /inloggen: " + string.Join('\n', app.Uit.TakeLast(20)));
        Assert.Contains(verzoek.GetProperty("Scopes").EnumerateArray(), s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var t) && t.GetString()!.Length == 32);

        // 4. SIGTERM: ready turns 503 at once while live stays 200 and requests are still served (the load balancer
        // takes the instance out of its pool), then the process stops and exits 0 well within the grace period.
        var stop = Stopwatch.StartNew();
        Assert.Equal(0, Kill(app.P.Id, 15));
        var gereed = HttpStatusCode.OK;
        while (stop.Elapsed < TimeSpan.FromSeconds(3) && gereed == HttpStatusCode.OK)
        {
            using var a = await http.GetAsync($"http://127.0.0.1:{poort}/health/ready");
            gereed = a.StatusCode;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, gereed);
        using (var a = await http.GetAsync($"http://127.0.0.1:{poort}/health/live")) Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        using (var a = await http.GetAsync($"http://127.0.0.1:{poort}/inloggen")) Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.True(app.P.WaitForExit(TimeSpan.FromSeconds(40)), "Koers stopte niet binnen 40 s na SIGTERM");
        app.P.WaitForExit();
        Assert.Equal(0, app.P.ExitCode);
        Assert.True(stop.Elapsed < TimeSpan.FromSeconds(35), $"Stoppen duurde {stop.Elapsed}");
        Assert.Contains(app.Uit, r => r.Contains("Application is shutting down"));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
