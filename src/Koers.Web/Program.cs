using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Koers.Data;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Berichten;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Netwerk;
using Koers.Web.Features.Bewaartermijn;
using Koers.Web.Features.Brp;
using Koers.Web.Features.Coa;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Duo;
using Koers.Web.Features.Inkoop;
using Koers.Web.Features.Zgw;
using Koers.Web.Features.Geldzaken;
using Koers.Web.Features.Inrichting;
using Koers.Web.Features.Intake;
using Koers.Web.Features.Ketenpartners;
using Koers.Web.Features.Logistiek;
using Koers.Web.Features.Machtigingen;
using Koers.Web.Features.Verwijzingen;
using Koers.Web.Features.Werk;
using Koers.Web.Features.Ontzorgen;
using Koers.Web.Features.Handhaving;
using Koers.Web.Features.Brieven;
using Koers.Web.Features.Mandaten;
using Koers.Web.Features.Afsluiting;
using Koers.Web.Features.Monitor;
using Koers.Web.Features.Participatie;
using Koers.Web.Features.Partnerportaal;
using Koers.Web.Features.Pip;
using Koers.Web.Features.Portaal;
using Koers.Web.Features.Voortgang;
using Koers.Web.Features.Welzijn;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure;
using Koers.Web.Infrastructure.Bedrijfsvoering;
using Koers.Web.Infrastructure.Modules;
using Koers.Web.Features.Termijnen;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddBsnBescherming(builder.Configuration, builder.Environment);
builder.Services.AddKoersData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddKoersDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Klok>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<HuidigeGebruiker>();
builder.Services.AddLocalization();
foreach (var module in Program.Modules)
{
    module.Diensten(new ModuleDiensten(builder.Services, builder.Configuration, builder.Environment));
}

builder.Services.AddKoersGezondheid();
builder.Services.AddKoersTelemetrie(builder.Configuration, builder.Environment);
// SIGTERM: Kestrel stops accepting, in-flight requests and the current DUO event get this long to finish (the
// Kubernetes grace period is longer), background leases are released on the way out.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Koers:AfsluitSeconden", 30)));
// Uploads and bodies are bounded; a larger request is refused with 413 before it is read.
// No 'Server: Kestrel' header: it only tells an attacker which server and version family to try.
builder.WebHost.ConfigureKestrel(k =>
{
    k.Limits.MaxRequestBodySize = VerzoekLimiet.MaxBytes;
    k.AddServerHeader = false;
    // Digikoppeling with TLS ending at Koers itself: ask HTTPS clients for a certificate (DUO's is judged on its endpoint).
    if (!string.IsNullOrWhiteSpace(builder.Configuration["Duo:Digikoppeling:VertrouwdeCa"])) k.ConfigureHttpsDefaults(Koers.Web.Features.Duo.Digikoppeling.VraagClientCertificaat);
});
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = 10 * 1024 * 1024);

builder.Services.AddRazorPages(o =>
    {
        o.RootDirectory = "/Features";
        foreach (var module in Program.Modules) module.Paginas(new PaginaToegang(o.Conventions, Program.Map(module)));
        // The pages outside any feature: the start page sends every role on (fallback: signed in); the error and
        // not-found pages show no data.
        o.Conventions.AllowAnonymousToPage("/Fout").AllowAnonymousToPage("/NietGevonden");
    })
    .AddMvcOptions(o => NederlandseMeldingen.Zet(o.ModelBindingMessageProvider));
builder.Services.AddKoersProblemen();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
builder.Services.AddKoersOpenApi(builder.Configuration);

var app = builder.Build();

// `Koers.Web migrate`: bring the database to this version (under a lock) and exit; the Kubernetes migration Job.
if (args.Contains(Migratie.Opdracht))
{
    await BereidVoorAsync(() => Migratie.VoerUitAsync(app.Services, app.Configuration));
    return;
}

app.UseDigikoppelingHeaderFilter();
app.UseKoersProxy(app.Configuration);
app.MapMetingen();
app.UseSchemabewaking();
app.UseApiVersieHeader();

var nl = new CultureInfo("nl-NL");
// Formatting (dates, numbers) stays Dutch everywhere; only the UI language of the portal can change, by
// '?taal=ar' or the language cookie the portal sets. No Accept-Language, so staff screens stay as they are.
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(nl),
    SupportedCultures = [nl],
    SupportedUICultures = [nl, .. Koers.Web.Kern.Talen.Culturen],
    RequestCultureProviders =
    [
        new QueryStringRequestCultureProvider { QueryStringKey = Koers.Web.Kern.Talen.Parameter, UIQueryStringKey = Koers.Web.Kern.Talen.Parameter },
        new CookieRequestCultureProvider { CookieName = app.Services.GetRequiredService<Cookienamen>().Taal },
    ],
});

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandler = ctx => ctx.Request.Path.StartsWithSegments("/api")
        ? Problemen.SchrijfAsync(ctx)
        : Task.Run(() => ctx.Response.Redirect("/fout")),
});
app.UseStatusCodePages(async ctx =>
{
    if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
    {
        var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new() { HttpContext = ctx.HttpContext });
        return;
    }

    // A page or id that does not exist: Koers's own page, so the browser never shows its own (English) error.
    await NietGevonden.ToonAsync(ctx);
});

app.UseBeveiligingsHeaders();
app.UseVerzoekLimiet();
if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Test"))
{
    app.UseHsts();
}

app.UseStatischeBestanden();
app.UseRouting();
app.UseAuthentication();
app.UseSessiecontrole();
app.UseWerkvoorraadWijzigingen();
app.UseSnelheidslimieten();
app.UseApiCsrfBescherming();
app.UseAuditVerzoeken();
app.UseAuthorization();
app.UseGeenOnverwachteBody();

var api = app.MapGroup("/api/v1");
foreach (var module in Program.Modules) module.Api(new ModuleRoutes(app, api));
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapGezondheid();
app.MapRazorPages();

if (!await BereidVoorAsync(() => app.Services.PrepareDatabaseAsync(app.Configuration))) return;
app.Run();

// The database step of `migrate` and of start-up. A schema that stays behind (or no migration lock) ends the process
// with one clear line and exit code 1, not a crash dump, so the orchestrator restarts it later.
async Task<bool> BereidVoorAsync(Func<Task> stap)
{
    try
    {
        await stap();
        return true;
    }
    catch (MigratieException e)
    {
        app.Logger.LogCritical("{Melding}", e.Message);
        Environment.ExitCode = 1;
        return false;
    }
}

static void ConfigureJson(JsonSerializerOptions o)
{
    o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    // An unknown field is refused rather than ignored: no client can believe it set 'fase' or 'id'.
    o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
}

public partial class Program
{
    /// <summary>
    /// The features, each plugged in through its module (services, page access, API); see IKoersModule. In the order of
    /// the klantreis, with the chain and the back office after it.
    /// </summary>
    public static readonly IReadOnlyList<IKoersModule> Modules =
    [
        new BeveiligingModule(),
        new CoaModule(),
        new BrpModule(),
        new DossierModule(),
        new IntakeModule(),
        new PipModule(),
        new MachtigingenModule(),
        new VerwijzingenModule(),
        new KetenpartnersModule(),
        new InkoopModule(),
        new PartnerportaalModule(),
        new VoortgangModule(),
        new ParticipatieModule(),
        new WelzijnModule(),
        new WerkModule(),
        new LogistiekModule(), // issue #23: logistics
        new NetwerkModule(),
        new Koers.Web.Features.Doelenboom.DoelenboomModule(), // h-doelen: doelenboom KPIs (issue #22)
        new HandhavingModule(),
        new OntzorgenModule(),
        new GeldzakenModule(),
        new AfsluitingModule(),
        new WerkvoorraadModule(),
        new TermijnenModule(),
        new PortaalModule(),
        new BerichtenModule(),
        new BrievenModule(),
        new MandatenModule(),
        new DuoModule(),
        new ZgwModule(),
        new MonitorModule(),
        new AuditModule(),
        new BewaartermijnModule(),
        new InrichtingModule(),
    ];

    /// <summary>A module's page folder: its namespace's last part ("Koers.Web.Features.Pip" → "/Pip").</summary>
    public static string Map(IKoersModule module) => "/" + module.GetType().Namespace!.Split('.')[^1];
}
