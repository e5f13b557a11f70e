using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Koers.Data;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Berichten;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Brp;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Duo;
using Koers.Web.Features.Zgw;
using Koers.Web.Features.Geldzaken;
using Koers.Web.Features.Inrichting;
using Koers.Web.Features.Intake;
using Koers.Web.Features.Ketenpartners;
using Koers.Web.Features.Machtigingen;
using Koers.Web.Features.Verwijzingen;
using Koers.Web.Features.Ontzorgen;
using Koers.Web.Features.Handhaving;
using Koers.Web.Features.Brieven;
using Koers.Web.Features.Mandaten;
using Koers.Web.Features.Afsluiting;
using Koers.Web.Features.Monitor;
using Koers.Web.Features.Participatie;
using Koers.Web.Features.Pip;
using Koers.Web.Features.Voortgang;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure;
using Koers.Web.Infrastructure.Bedrijfsvoering;
using Koers.Web.Infrastructure.Planning;
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
builder.Services.AddScoped<DossierService>();
builder.Services.AddScoped<WerkvoorraadQuery>();
builder.Services.AddScoped<Werkverdeling>();
builder.Services.AddScoped<Koers.Web.Features.Termijnen.SignaleringService>();
builder.Services.AddScoped<DemoData>();
builder.Services.AddScoped<IntakeService>();
builder.Services.AddScoped<PipService>();
builder.Services.AddScoped<VoorlopigPlanService>();
builder.Services.AddScoped<Koers.Web.Features.Portaal.BerichtSignalen>();
builder.Services.AddLocalization();
builder.Services.AddOntzorgen();
builder.Services.AddGeldzaken();
builder.Services.AddVoortgang();
builder.Services.AddParticipatie();
builder.Services.AddHandhaving();
builder.Services.AddMandaten();
builder.Services.AddBrieven();
builder.Services.AddMonitor();
builder.Services.AddAudit();
builder.Services.AddKetenpartners();
builder.Services.AddScoped<Koers.Web.Features.Bewaartermijn.BewaartermijnService>();
builder.Services.AddKoersBeveiliging(builder.Configuration, builder.Environment);
builder.Services.AddKoersCookies(builder.Environment);
builder.Services.AddKoersProxy(builder.Configuration);
builder.Services.AddSnelheidslimieten(builder.Configuration);
builder.Services.AddKoersLogboek();
builder.Services.AddApiCsrf();
builder.Services.AddPlanning();
builder.Services.AddDuo(builder.Configuration, builder.Environment);
builder.Services.AddBrp(builder.Configuration, builder.Environment);
builder.Services.AddBerichten(builder.Configuration, builder.Environment);
builder.Services.AddTermijnmail(builder.Configuration, builder.Environment);
builder.Services.AddZgw(builder.Configuration, builder.Environment);
builder.Services.AddScoped<Koers.Web.Features.Coa.CoaImport>();
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
        o.Conventions.AuthorizeFolder("/Dossier", Beleid.Dossierwerk);
        o.Conventions.AuthorizeFolder("/Intake", Beleid.Dossierwerk);
        o.Conventions.AuthorizeFolder("/Pip", Beleid.Dossierwerk);
        o.Conventions.AuthorizeFolder("/Werkvoorraad", Beleid.Dossierwerk);
        o.Conventions.AuthorizePage("/Ontzorgen/Index", Beleid.Dossierwerk);
        o.Conventions.AuthorizePage("/Ontzorgen/Betaalruns", Beleid.Dossierwerk);
        o.Conventions.AuthorizePage("/Ontzorgen/Betaalrun", Beleid.Dossierwerk);
        o.Conventions.AuthorizePage("/Ontzorgen/Beleid", Beleid.Beheer);
        o.Conventions.AuthorizePage("/Geldzaken/Index", Beleid.Dossierwerk);
        o.Conventions.AuthorizePage("/Geldzaken/Beheer", Beleid.Beheer);
        o.Conventions.AuthorizePage("/Handhaving/Ladder", Beleid.Beheer);
        o.Conventions.AuthorizePage("/Mandaten/Index", Beleid.Beheer);
        o.Conventions.AuthorizeFolder("/Brieven", Beleid.Beheer);
        o.Conventions.AuthorizePage("/Handhaving/Index", Beleid.Dossierwerk);
        o.Conventions.AuthorizeFolder("/Afsluiting", Beleid.Dossierwerk);
        o.Conventions.AllowAnonymousToPage("/Fout");
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
    SupportedUICultures = [nl, .. Koers.Web.Features.Portaal.Talen.Culturen],
    RequestCultureProviders =
    [
        new QueryStringRequestCultureProvider { QueryStringKey = Koers.Web.Features.Portaal.Talen.Parameter, UIQueryStringKey = Koers.Web.Features.Portaal.Talen.Parameter },
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
app.UseSnelheidslimieten();
app.UseApiCsrfBescherming();
app.UseAuditVerzoeken();
app.UseAuthorization();
app.UseGeenOnverwachteBody();

var api = app.MapGroup("/api/v1");
api.MapInloggenApi();
api.MapAntiforgeryApi();
var dossierwerk = api.MapGroup("").RequireAuthorization(Beleid.Dossierwerk);
dossierwerk.MapDossierApi();
dossierwerk.MapWerkvoorraadApi();
dossierwerk.MapIntakeApi();
dossierwerk.MapPipApi();
api.MapInrichtingApi();
api.MapMonitorApi();
api.MapOntzorgenApi();
api.MapGeldzakenApi();
api.MapVoorlopigPlanApi();
api.MapVoortgangApi();
api.MapParticipatieApi();
api.MapHandhavingApi();
api.MapMandaatApi();
api.MapBriefsjabloonApi();
api.MapAfsluitingApi();
api.MapAuditApi();
api.MapKetenpartnersApi();
api.MapMachtigingenApi();
api.MapVerwijzingenApi();
Koers.Web.Features.Bewaartermijn.BewaartermijnApi.MapBewaartermijnApi(api);
api.MapTermijnenApi();
app.MapDuo(api);
app.MapBrp(api);
api.MapBerichtenApi();
app.MapZgw(api);
Koers.Web.Features.Coa.CoaApi.MapCoaApi(api);
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

public partial class Program;
