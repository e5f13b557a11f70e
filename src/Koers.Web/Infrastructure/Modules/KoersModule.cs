using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Koers.Web.Infrastructure.Modules;

/// <summary>
/// One feature of the klantreis (Dossier, Intake, Pip, Voortgang, …), plugged in the one way every feature is: it
/// registers its services, declares who may open its pages and maps its API. <c>Program.Modules</c> lists them; the
/// app's pipeline (middleware, authentication, health) stays in Program.cs. Each part is optional: a feature without
/// an API maps nothing. Page access is declared here and nowhere else (no [Authorize] on page models): the access
/// inventory (docs/toegang.md) reads it back from the running app, and ModuleTests fail on an attribute.
/// </summary>
public interface IKoersModule
{
    /// <summary>The feature's services, options and authorisation policies.</summary>
    void Diensten(ModuleDiensten diensten)
    {
    }

    /// <summary>Who may open each page of the feature's folder.</summary>
    void Paginas(PaginaToegang paginas)
    {
    }

    /// <summary>The feature's endpoints, under <see cref="ModuleRoutes.Api"/> (/api/v1) unless it needs the root.</summary>
    void Api(ModuleRoutes routes)
    {
    }
}

public sealed record ModuleDiensten(IServiceCollection Services, IConfiguration Configuration, IWebHostEnvironment Environment);

/// <param name="App">The app itself, for the few endpoints outside /api/v1 (the simulators of DUO, BRP and ZGW).</param>
/// <param name="Api">The /api/v1 group.</param>
public sealed record ModuleRoutes(WebApplication App, RouteGroupBuilder Api);

/// <summary>
/// A module's page access, written onto the page endpoints as the same authorisation metadata the attributes would
/// give (a policy, a list of roles, or anonymous). Paths are Razor page paths under /Features ("/Pip" for the folder,
/// "/Pip/Voorlopig" for one page); a module may only declare pages in its own folder, so access is found where the
/// feature is.
/// </summary>
public sealed class PaginaToegang(PageConventionCollection conventions, string map)
{
    /// <summary>The feature's folder as a page path, e.g. "/Pip".</summary>
    public string Map { get; } = map;

    /// <summary>Every page in the feature's folder (and below) needs <paramref name="beleid"/>.</summary>
    public PaginaToegang AlleMetBeleid(string beleid)
    {
        conventions.AuthorizeFolder(Map, beleid);
        return this;
    }

    /// <summary>One page needs <paramref name="beleid"/> (a named policy, see Beleid and the features' own).</summary>
    public PaginaToegang MetBeleid(string pagina, string beleid)
    {
        conventions.AuthorizePage(Pad(pagina), beleid);
        return this;
    }

    /// <summary>One page is open to these roles only (no policy of its own).</summary>
    public PaginaToegang VoorRollen(string pagina, params string[] rollen)
    {
        var attribuut = new AuthorizeAttribute { Roles = string.Join(',', rollen) };
        conventions.AddPageApplicationModelConvention(Pad(pagina), m => m.EndpointMetadata.Add(attribuut));
        return this;
    }

    /// <summary>One page is open without signing in (sign-in itself, error and notice pages without data).</summary>
    public PaginaToegang Anoniem(string pagina)
    {
        conventions.AllowAnonymousToPage(Pad(pagina));
        return this;
    }

    private string Pad(string pagina) => $"{Map}/{pagina}";
}
