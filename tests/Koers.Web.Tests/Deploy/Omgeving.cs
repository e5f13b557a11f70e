using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Koers.Web.Tests.Infrastructure;
using Npgsql;

namespace Koers.Web.Tests.Deploy;

/// <summary>What the deployment tests need from the machine: the repository, free ports, scripts and the test PostgreSQL server.</summary>
public static class Omgeving
{
    /// <summary>The repository root (the directory with Koers.sln), found upwards from the test binaries.</summary>
    public static string Repo
    {
        get
        {
            var map = new DirectoryInfo(AppContext.BaseDirectory);
            while (map is not null && !File.Exists(Path.Combine(map.FullName, "Koers.sln"))) map = map.Parent;
            return map?.FullName ?? throw new InvalidOperationException("Koers.sln niet gevonden boven " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A TCP port on loopback that is free right now (the OS picks it).</summary>
    public static int VrijePoort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>Connection string of a database on the test server (KOERS_TEST_PG).</summary>
    public static string Database(string naam) => new NpgsqlConnectionStringBuilder(PostgresFactory.PgServer) { Database = naam }.ConnectionString;

    /// <summary>The libpq environment variables (PGHOST …) for a database on the test server, for the shell scripts.</summary>
    public static Dictionary<string, string> LibpqOmgeving(string database)
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresFactory.PgServer);
        var env = new Dictionary<string, string>
        {
            ["PGHOST"] = cs.Host ?? "127.0.0.1", ["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = cs.Username ?? "postgres", ["PGDATABASE"] = database,
        };
        if (!string.IsNullOrEmpty(cs.Password)) env["PGPASSWORD"] = cs.Password;
        return env;
    }

    public static async Task MaakDatabaseAsync(string naam)
    {
        await using var conn = new NpgsqlConnection(Database("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{naam}\"", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a program to its end (bounded), with extra environment variables; returns exit code and output.</summary>
    public static async Task<(int Code, string Uit, string Fout)> VoerUitAsync(string programma, IEnumerable<string> argumenten, IDictionary<string, string>? env = null,
        TimeSpan? limiet = null)
    {
        var psi = new ProcessStartInfo(programma) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repo };
        foreach (var a in argumenten) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var uit = p.StandardOutput.ReadToEndAsync();
        var fout = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(limiet ?? TimeSpan.FromMinutes(2));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{programma} {string.Join(' ', psi.ArgumentList)} duurde langer dan {limiet ?? TimeSpan.FromMinutes(2)}");
        }

        return (p.ExitCode, await uit, await fout);
    }
}

/// <summary>A long-running child process (Koers, haproxy) whose output is kept; killed on dispose.</summary>
public sealed class Kindproces : IAsyncDisposable
{
    private readonly Process _p;
    private readonly StringBuilder _uitvoer = new();

    public Kindproces(string naam, string programma, IEnumerable<string> argumenten, IDictionary<string, string> env, string werkmap)
    {
        Naam = naam;
        var psi = new ProcessStartInfo(programma) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = werkmap };
        foreach (var a in argumenten) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        _p = new Process { StartInfo = psi, EnableRaisingEvents = true };
        _p.OutputDataReceived += (_, e) => Regel(e.Data);
        _p.ErrorDataReceived += (_, e) => Regel(e.Data);
        _p.Start();
        _p.BeginOutputReadLine();
        _p.BeginErrorReadLine();
    }

    public string Naam { get; }
    public int Pid => _p.Id;
    public bool Loopt => !_p.HasExited;

    public string Uitvoer
    {
        get { lock (_uitvoer) return _uitvoer.ToString(); }
    }

    public IReadOnlyList<string> Regels
    {
        get { lock (_uitvoer) return _uitvoer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries); }
    }

    private void Regel(string? regel)
    {
        if (regel is null) return;
        lock (_uitvoer) _uitvoer.Append(regel).Append('\n');
    }

    /// <summary>SIGKILL, as `kill -9`: no shutdown, no flush, open sockets closed by the kernel.</summary>
    public void Kill9()
    {
        if (!_p.HasExited) _p.Kill(entireProcessTree: false);
    }

    /// <summary>Until the process is gone (its sockets closed by the kernel).</summary>
    public Task WachtOpEindeAsync(CancellationToken ct = default) => _p.WaitForExitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_p.HasExited) _p.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _p.WaitForExitAsync(cts.Token);
        }
        catch (Exception)
        {
            // Best effort: the process is gone or could not be waited for.
        }

        _p.Dispose();
    }
}
