namespace Koers.Web.Kern;

public static class Omgeving
{
    /// <summary>
    /// Every environment but Development and Test counts as production (a staging server too): there secrets must be
    /// set, cookies are Secure with the __Host- prefix and demo data needs a second switch.
    /// </summary>
    public static bool IsProductie(IHostEnvironment env) => !env.IsDevelopment() && !env.IsEnvironment("Test");
}
