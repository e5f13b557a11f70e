using System.Globalization;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Koers.Web.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Koers.Web.Tests.Deploy;

/// <summary>
/// Builds the OCI image once with deploy/image/build.sh (publish included) into a temporary folder; the tests read
/// that layout. A missing tool (umoci, apt-get, dpkg-deb, tar) makes the build and so every test fail: CI installs
/// them (.ci/run, APT_PACKAGES).
/// </summary>
public sealed class ImageBouw : IDisposable
{
    public string Map { get; } = Path.Combine(Path.GetTempPath(), $"koers-image-test-{Guid.NewGuid():N}");
    public string Uitvoer { get; }
    public int Afsluitcode { get; }
    public TimeSpan Duur { get; }

    public ImageBouw()
    {
        Directory.CreateDirectory(Map);
        var klok = Stopwatch.StartNew();
        var (code, uitvoer) = Proces.Draai("bash", [Path.Combine(Repo.Root, "deploy", "image", "build.sh"), Map], Repo.Root, TimeSpan.FromMinutes(8));
        Duur = klok.Elapsed;
        Afsluitcode = code;
        Uitvoer = uitvoer;
    }

    public string Layout => Path.Combine(Map, "oci");

    public void VereisGebouwd() =>
        Assert.True(Afsluitcode == 0, $"deploy/image/build.sh eindigde met {Afsluitcode}:\n{Uitvoer}");

    public JsonElement LeesBlob(string digest)
    {
        Assert.StartsWith("sha256:", digest);
        var pad = Path.Combine(Layout, "blobs", "sha256", digest["sha256:".Length..]);
        var bytes = File.ReadAllBytes(pad);
        Assert.Equal(digest["sha256:".Length..], Convert.ToHexStringLower(SHA256.HashData(bytes)));
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }

    public JsonElement Manifest()
    {
        VereisGebouwd();
        var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Layout, "index.json"))).RootElement;
        var manifest = index.GetProperty("manifests").EnumerateArray()
            .First(m => m.GetProperty("annotations").GetProperty("org.opencontainers.image.ref.name").GetString() == "latest");
        Assert.Equal("application/vnd.oci.image.manifest.v1+json", manifest.GetProperty("mediaType").GetString());
        return LeesBlob(manifest.GetProperty("digest").GetString()!);
    }

    public JsonElement Config() => LeesBlob(Manifest().GetProperty("config").GetProperty("digest").GetString()!);

    public IEnumerable<string> LaagBlobs() =>
        Manifest().GetProperty("layers").EnumerateArray().Select(l => Path.Combine(Layout, "blobs", "sha256", l.GetProperty("digest").GetString()!["sha256:".Length..]));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Map, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[Trait("Categorie", "Deploy")]
public sealed class ImageTests(ImageBouw bouw, ITestOutputHelper uit) : IClassFixture<ImageBouw>
{
    [Fact]
    public void Config_draait_als_koers_op_8080_in_productie()
    {
        uit.WriteLine($"build.sh duurde {bouw.Duur.TotalSeconds:F0} s");
        var config = bouw.Config();
        Assert.Equal("linux", config.GetProperty("os").GetString());
        Assert.Equal("amd64", config.GetProperty("architecture").GetString());
        var c = config.GetProperty("config");
        Assert.Equal("10001:10001", c.GetProperty("User").GetString());
        Assert.Equal(["/app/Koers.Web"], c.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.False(c.TryGetProperty("Cmd", out var cmd) && cmd.ValueKind == JsonValueKind.Array && cmd.GetArrayLength() > 0, "geen Cmd: de Job geeft 'migrate' als argument");
        Assert.Equal(["8080/tcp"], c.GetProperty("ExposedPorts").EnumerateObject().Select(p => p.Name).ToArray());
        var env = ImageOmgeving(c);
        Assert.Equal("Production", env["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("8080", env["ASPNETCORE_HTTP_PORTS"]);
        Assert.Equal("0", env["DOTNET_EnableDiagnostics"]);
        Assert.Equal("0", env["DOTNET_TC_CallCountingDelayMs"]);
        // The GC comes from the app's runtimeconfig (server GC, what bench/ measures); the image must not override it.
        Assert.DoesNotContain(env.Keys, k => k.StartsWith("DOTNET_gc", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("/tmp", env["TMPDIR"]);
        Assert.Equal("Postgres", env["Database__Provider"]);
        Assert.DoesNotContain(env.Keys, k => k.StartsWith("ConnectionStrings", StringComparison.Ordinal) || k.Contains("Sleutel", StringComparison.Ordinal));
    }

    [Fact]
    public void Laag_heeft_de_app_en_runtime_bibliotheken_maar_geen_bouwgereedschap()
    {
        var bestanden = new Dictionary<string, TarEntry>(StringComparer.Ordinal);
        var inhoud = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var laag in bouw.LaagBlobs())
        {
            using var gz = new GZipStream(File.OpenRead(laag), CompressionMode.Decompress);
            using var tar = new TarReader(gz);
            while (tar.GetNextEntry() is { } entry)
            {
                var naam = entry.Name.TrimStart('.', '/').TrimEnd('/');
                bestanden[naam] = entry;
                if (naam is "etc/passwd" or "etc/group" or "app/Koers.Web.runtimeconfig.json" && entry.DataStream is { } data) inhoud[naam] = new StreamReader(data).ReadToEnd();
            }
        }

        uit.WriteLine($"{bestanden.Count} items in de laag");
        Assert.True(bestanden.TryGetValue("app/Koers.Web", out var app), "app/Koers.Web ontbreekt");
        Assert.True(app!.Mode.HasFlag(UnixFileMode.OtherExecute));
        Assert.False(app.Mode.HasFlag(UnixFileMode.OtherWrite) || app.Mode.HasFlag(UnixFileMode.GroupWrite));
        Assert.Equal(0, app.Uid);
        foreach (var nodig in new[]
                 {
                     "app/Koers.Web.dll", "app/libcoreclr.so", "app/System.Private.CoreLib.dll", "app/appsettings.json", "app/libSkiaSharp.so", "app/libHarfBuzzSharp.so",
                     "usr/lib/x86_64-linux-gnu/libc.so.6", "usr/lib/x86_64-linux-gnu/libstdc++.so.6", "usr/lib/x86_64-linux-gnu/libgcc_s.so.1",
                     "usr/lib/x86_64-linux-gnu/libicuuc.so.72", "usr/lib/x86_64-linux-gnu/libssl.so.3", "usr/lib/x86_64-linux-gnu/libcrypto.so.3",
                     "etc/ssl/certs/ca-certificates.crt", "usr/share/zoneinfo/Europe/Amsterdam", "etc/passwd", "etc/group", "tmp", "lib64",
                 })
        {
            Assert.True(bestanden.ContainsKey(nodig), $"{nodig} ontbreekt in de image");
        }

        Assert.Equal(TarEntryType.SymbolicLink, bestanden["lib64"].EntryType);
        Assert.True(bestanden["tmp"].Mode.HasFlag(UnixFileMode.StickyBit));

        // No SDK, package manager, compiler or shell; no development settings (they hold the public development keys).
        string[] verboden = ["sh", "bash", "dash", "apt", "apt-get", "dpkg", "gcc", "cc", "c++", "g++", "ld", "make", "dotnet", "su", "sudo", "curl", "wget"];
        var fout = bestanden.Keys.Where(n =>
                n.Split('/').Contains("sdk") || n.Contains("/dotnet/sdk", StringComparison.Ordinal) || n.Contains("/apt/", StringComparison.Ordinal)
                || n.EndsWith("appsettings.Development.json", StringComparison.Ordinal) || n.EndsWith(".pdb", StringComparison.Ordinal)
                || n.EndsWith("/createdump", StringComparison.Ordinal)
                || ((n.StartsWith("usr/bin/", StringComparison.Ordinal) || n.StartsWith("usr/sbin/", StringComparison.Ordinal) || n.StartsWith("usr/local/bin/", StringComparison.Ordinal))
                    && verboden.Contains(Path.GetFileName(n))))
            .ToList();
        Assert.True(fout.Count == 0, "hoort niet in de image: " + string.Join(", ", fout));
        Assert.DoesNotContain(bestanden.Keys, n => n.StartsWith("usr/bin/", StringComparison.Ordinal) && bestanden[n].EntryType != TarEntryType.Directory);
        Assert.DoesNotContain(bestanden.Keys, n => n.StartsWith("usr/lib/gcc", StringComparison.Ordinal) || n.StartsWith("usr/include", StringComparison.Ordinal));

        Assert.Contains("koers:x:10001:10001:", inhoud["etc/passwd"]);
        Assert.Contains("koers:x:10001:", inhoud["etc/group"]);

        // The server GC the benchmark measures (docs/operations.md): set in the app's runtimeconfig, not in the environment.
        var gc = JsonDocument.Parse(inhoud["app/Koers.Web.runtimeconfig.json"]).RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(gc.GetProperty("System.GC.Server").GetBoolean(), "Koers.Web.runtimeconfig.json zet de server-GC niet aan");
    }

    /// <summary>
    /// Runs the image the way Kubernetes does (deploy/kubernetes/base): first the migration Job (<c>Koers.Web
    /// migrate</c>, must exit 0), then the app with <c>Koers__Database__MigrerenBijStart=false</c>, from the image's
    /// unpacked root filesystem: with the image's environment, as uid 10001, the root filesystem mounted read-only and
    /// only /tmp writable (a tmpfs, like the emptyDir), against PostgreSQL. Waits for /health/live and /health/ready,
    /// checks that /metrics answers on the metrics port only, sends SIGTERM and expects exit code 0 within 30 s.
    /// Needs root for the mount namespace and chroot (CI runs as root); without root the entrypoint is started directly
    /// from the unpacked image (host's loader, same Debian), which checks less.
    /// </summary>
    [Fact]
    public async Task Image_migreert_start_read_only_als_10001_en_stopt_netjes_op_SIGTERM()
    {
        var config = bouw.Config().GetProperty("config");
        var entrypoint = config.GetProperty("Entrypoint")[0].GetString()!;
        var rootfs = Path.Combine(bouw.Map, "rootfs");
        Directory.CreateDirectory(rootfs);
        foreach (var laag in bouw.LaagBlobs())
        {
            var (code, tekst) = Proces.Draai("tar", ["-xzf", laag, "-C", rootfs], bouw.Map, TimeSpan.FromMinutes(2));
            Assert.True(code == 0, "tar -xzf: " + tekst);
        }

        var database = $"koers_image_{Guid.NewGuid():N}";
        await using (var verbinding = new NpgsqlConnection(PostgresFactory.PgServer))
        {
            await verbinding.OpenAsync();
            await using var maak = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", verbinding);
            await maak.ExecuteNonQueryAsync();
        }

        // What the ConfigMap and Secret add (deploy/kubernetes/base); fresh keys, never the development ones.
        var poort = VrijePoort();
        var metingen = VrijePoort();
        var extra = new Dictionary<string, string>
        {
            ["ASPNETCORE_HTTP_PORTS"] = $"{poort};{metingen}",
            ["Koers__Telemetrie__MetingenPoort"] = metingen.ToString(CultureInfo.InvariantCulture),
            ["Koers__Database__MigrerenBijStart"] = "false",
            ["ConnectionStrings__Koers"] = new NpgsqlConnectionStringBuilder(PostgresFactory.PgServer) { Database = database, IncludeErrorDetail = false }.ConnectionString,
            ["Koers__Bsn__Sleutels__1"] = Sleutel(),
            ["Koers__Bsn__ActieveSleutel"] = "1",
            ["Koers__Bsn__IndexSleutels__1"] = Sleutel(),
            ["Koers__Bsn__ActieveIndexSleutel"] = "1",
            ["Koers__DataProtection__Sleutel"] = Sleutel(),
            ["Koers__DemoData"] = "false",
        };
        var klok = Stopwatch.StartNew();
        try
        {
            // 1. The migration Job.
            var migratielog = new StringBuilder();
            using (var migratie = StartImage(rootfs, entrypoint, ImageOmgeving(config), extra, ["migrate"], migratielog))
            {
                using var binnen = new CancellationTokenSource(TimeSpan.FromMinutes(3));
                try
                {
                    await migratie.WaitForExitAsync(binnen.Token);
                }
                catch (OperationCanceledException)
                {
                    migratie.Kill(entireProcessTree: true);
                    Assert.Fail($"'migrate' duurde langer dan 3 minuten; log:\n{Staart(migratielog)}");
                }

                Assert.True(migratie.ExitCode == 0, $"'migrate' eindigde met {migratie.ExitCode}; log:\n{Staart(migratielog)}");
                uit.WriteLine($"migrate klaar na {klok.Elapsed.TotalSeconds:F1} s");
            }

            // 2. The app, without migrating at start.
            var log = new StringBuilder();
            using var proces = StartImage(rootfs, entrypoint, ImageOmgeving(config), extra, [], log);
            var start = klok.Elapsed;
            try
            {
                using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
                foreach (var pad in new[] { "/health/live", "/health/ready" })
                {
                    HttpStatusCode? status = null;
                    while (klok.Elapsed - start < TimeSpan.FromSeconds(120) && !proces.HasExited)
                    {
                        try
                        {
                            status = (await http.GetAsync($"http://127.0.0.1:{poort}{pad}")).StatusCode;
                            if (status == HttpStatusCode.OK) break;
                        }
                        catch (HttpRequestException)
                        {
                        }
                        catch (TaskCanceledException)
                        {
                        }

                        await Task.Delay(250);
                    }

                    Assert.True(status == HttpStatusCode.OK, $"{pad} gaf {status?.ToString() ?? "geen antwoord"} na {(klok.Elapsed - start).TotalSeconds:F0} s; log:\n{Staart(log)}");
                    uit.WriteLine($"{pad} 200 na {(klok.Elapsed - start).TotalSeconds:F1} s");
                }

                // /metrics only on the metrics port, which the Service (and so the ingress) does not expose.
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://127.0.0.1:{metingen}/metrics")).StatusCode);
                Assert.NotEqual(HttpStatusCode.OK, (await http.GetAsync($"http://127.0.0.1:{poort}/metrics")).StatusCode);

                Assert.Equal(0, kill(proces.Id, 15));
                var gestopt = klok.Elapsed;
                using var binnen = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await proces.WaitForExitAsync(binnen.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"niet gestopt binnen 30 s na SIGTERM; log:\n{Staart(log)}");
                }

                uit.WriteLine($"gestopt na SIGTERM in {(klok.Elapsed - gestopt).TotalSeconds:F1} s, code {proces.ExitCode}");
                Assert.True(proces.ExitCode == 0, $"afsluitcode {proces.ExitCode} na SIGTERM; log:\n{Staart(log)}");
                string tekst;
                lock (log) tekst = log.ToString();
                Assert.DoesNotContain("Read-only file system", tekst);
                Assert.DoesNotContain("fail:", tekst);
                Assert.DoesNotContain("crit:", tekst);
            }
            finally
            {
                if (!proces.HasExited) proces.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            await PostgresFactory.VerwijderDatabaseAsync(database);
        }
    }

    /// <summary>Starts the image's entrypoint with <paramref name="argumenten"/> as a container runtime would (see above).</summary>
    private Process StartImage(string rootfs, string entrypoint, Dictionary<string, string> imageOmgeving, Dictionary<string, string> extra,
        string[] argumenten, StringBuilder log)
    {
        var alsRoot = geteuid() == 0;
        var start = alsRoot
            ? new ProcessStartInfo("unshare", ["-m", "--propagation", "private", "sh", "-ec", """
                  R="$1"; shift
                  mount --bind "$R" "$R"
                  mount -o remount,bind,ro "$R"
                  mount -t tmpfs -o size=64m,mode=1777 tmpfs "$R/tmp"
                  mount --rbind /proc "$R/proc"
                  mount --rbind /dev "$R/dev"
                  exec chroot --userspec=10001:10001 "$R" "$@"
                  """, "start", rootfs, entrypoint, .. argumenten])
            : new ProcessStartInfo(Path.Combine(rootfs, entrypoint.TrimStart('/')), argumenten);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = alsRoot ? "/" : Path.Combine(rootfs, "app");
        start.Environment.Clear();
        foreach (var (k, v) in imageOmgeving) start.Environment[k] = v;
        start.Environment["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin";
        if (!alsRoot)
        {
            start.Environment["ASPNETCORE_CONTENTROOT"] = Path.Combine(rootfs, "app");
            start.Environment["TMPDIR"] = Path.GetTempPath();
        }

        foreach (var (k, v) in extra) start.Environment[k] = v;
        uit.WriteLine($"{(alsRoot ? "chroot (read-only root, tmpfs /tmp, uid 10001)" : "geen root: direct")}: {entrypoint} {string.Join(' ', argumenten)}");
        var proces = new Process { StartInfo = start };
        proces.OutputDataReceived += (_, a) => { if (a.Data is not null) lock (log) log.AppendLine(a.Data); };
        proces.ErrorDataReceived += (_, a) => { if (a.Data is not null) lock (log) log.AppendLine(a.Data); };
        proces.Start();
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();
        return proces;
    }

    private static Dictionary<string, string> ImageOmgeving(JsonElement config) =>
        config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()!.Split('=', 2)).ToDictionary(d => d[0], d => d[1], StringComparer.Ordinal);

    private static string Sleutel() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string Staart(StringBuilder log)
    {
        lock (log)
        {
            var tekst = log.ToString();
            return tekst.Length > 8000 ? tekst[^8000..] : tekst;
        }
    }

    private static int VrijePoort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc")]
    private static extern uint geteuid();
}

/// <summary>The Dockerfile cannot be built here (no Docker); it must at least promise what build.sh's image does.</summary>
[Trait("Categorie", "Deploy")]
public sealed class DockerfileTests
{
    [Fact]
    public void Dockerfile_draait_als_10001_op_8080_in_productie_zonder_sdk_in_de_runtime()
    {
        var tekst = File.ReadAllText(Path.Combine(Repo.Root, "deploy", "image", "Dockerfile"));
        var stadia = System.Text.RegularExpressions.Regex.Split(tekst, @"^FROM ", System.Text.RegularExpressions.RegexOptions.Multiline);
        var runtime = stadia[^1];
        Assert.StartsWith("${RUNTIME_BASE_IMAGE} AS runtime", runtime);
        Assert.Contains("ARG RUNTIME_BASE_IMAGE=debian:bookworm-slim", tekst);
        Assert.Contains("USER 10001:10001", runtime);
        Assert.Contains("EXPOSE 8080", runtime);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Production", runtime);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", runtime);
        Assert.Contains("DOTNET_EnableDiagnostics=0", runtime);
        Assert.Contains("DOTNET_TC_CallCountingDelayMs=0", runtime);
        Assert.DoesNotContain("DOTNET_gcServer", tekst, StringComparison.OrdinalIgnoreCase); // the app's server GC, as build.sh's image
        Assert.Contains("ENTRYPOINT [\"/app/Koers.Web\"]", runtime);
        Assert.Contains("--self-contained true", tekst);
        Assert.DoesNotContain("sdk", runtime.Replace("Geen SDK", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("build-essential", runtime);
        Assert.DoesNotContain("gcc", runtime);

        // The build stage sees every file at the root that the build reads (central package versions, analyzer
        // settings); without Directory.Packages.props the restore fails, without .editorconfig other rules apply.
        var kopie = tekst.Split('\n').Single(r => r.StartsWith("COPY global.json", StringComparison.Ordinal));
        foreach (var bestand in Directory.GetFiles(Repo.Root, "Directory.*.props").Select(Path.GetFileName).Append(".editorconfig").Append("global.json"))
        {
            Assert.Contains($" {bestand} ", kopie + " ", StringComparison.Ordinal);
        }
    }
}

internal static class Repo
{
    public static string Root { get; } = Zoek();

    private static string Zoek()
    {
        var map = new DirectoryInfo(AppContext.BaseDirectory);
        while (map is not null && !File.Exists(Path.Combine(map.FullName, "Koers.sln"))) map = map.Parent;
        return map?.FullName ?? throw new InvalidOperationException("Koers.sln niet gevonden");
    }
}

internal static class Proces
{
    /// <summary>Runs a program to its end (or kills it after the timeout); returns its exit code and combined output.</summary>
    public static (int Code, string Uitvoer) Draai(string programma, IEnumerable<string> argumenten, string map, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(programma, argumenten)
        {
            WorkingDirectory = map,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var uitvoer = new StringBuilder();
        Process proces;
        try
        {
            proces = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception fout)
        {
            return (127, $"{programma} kon niet starten: {fout.Message}");
        }

        using (proces)
        {
            proces.OutputDataReceived += (_, a) => { if (a.Data is not null) lock (uitvoer) uitvoer.AppendLine(a.Data); };
            proces.ErrorDataReceived += (_, a) => { if (a.Data is not null) lock (uitvoer) uitvoer.AppendLine(a.Data); };
            proces.BeginOutputReadLine();
            proces.BeginErrorReadLine();
            if (!proces.WaitForExit(timeout))
            {
                proces.Kill(entireProcessTree: true);
                proces.WaitForExit();
                lock (uitvoer) return (-1, $"{programma} duurde langer dan {timeout}:\n{uitvoer}");
            }

            proces.WaitForExit();
            lock (uitvoer) return (proces.ExitCode, uitvoer.ToString());
        }
    }
}
