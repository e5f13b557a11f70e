using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Koers.Data;
using Koers.Web.Features.Dossier;
using Koers.Web.Features.Inrichting;
using Koers.Web.Features.Intake;
using Koers.Web.Features.Pip;
using Koers.Web.Features.Werkvoorraad;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddKoersData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Klok>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<HuidigeGebruiker>();
builder.Services.AddScoped<DossierService>();
builder.Services.AddScoped<WerkvoorraadQuery>();
builder.Services.AddScoped<DemoData>();
builder.Services.AddScoped<IntakeService>();
builder.Services.AddScoped<PipService>();

builder.Services.AddRazorPages(o => o.RootDirectory = "/Features")
    .AddMvcOptions(o => NederlandseMeldingen.Zet(o.ModelBindingMessageProvider));
builder.Services.AddProblemDetails();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Koers API";
    doc.Info.Version = "v1";
    doc.Info.Description = "Dossiers, mijlpalen en wettelijke termijnen van inburgeraars onder de Wet inburgering 2021.";
    return Task.CompletedTask;
}));

var app = builder.Build();

var nl = new CultureInfo("nl-NL");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(nl),
    SupportedCultures = [nl],
    SupportedUICultures = [nl],
});

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandler = ctx => ctx.Request.Path.StartsWithSegments("/api")
        ? Problemen.SchrijfAsync(ctx)
        : Task.Run(() => ctx.Response.Redirect("/Fout")),
});
app.UseStatusCodePages(async ctx =>
{
    if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
    {
        var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new() { HttpContext = ctx.HttpContext });
    }
});

app.UseStaticFiles();
app.UseRouting();

var api = app.MapGroup("/api/v1");
api.MapDossierApi();
api.MapWerkvoorraadApi();
api.MapInrichtingApi();
api.MapIntakeApi();
api.MapPipApi();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapRazorPages();

await app.Services.PrepareDatabaseAsync(app.Configuration);
app.Run();

static void ConfigureJson(JsonSerializerOptions o)
{
    o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    // An unknown field is refused rather than ignored: no client can believe it set 'fase' or 'id'.
    o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
}

public partial class Program;
