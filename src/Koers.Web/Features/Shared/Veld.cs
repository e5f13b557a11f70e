namespace Koers.Web.Features.Shared;

/// <summary>Helpers to tie form fields, their errors and the error summary together for screen readers.</summary>
public static class Veld
{
    /// <summary>The HTML id that ASP.NET gives the input for a model-state key (Invoer.Bsn → Invoer_Bsn).</summary>
    public static string Id(string key) => key.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
