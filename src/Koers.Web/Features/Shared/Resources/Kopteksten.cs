using System.Globalization;
using System.Resources;

namespace Koers.Web.Features.Shared.Resources;

/// <summary>
/// The texts of the shared header and footer (Kop.resx and Kop.{en,ar,fa,ti,tr,uk}.resx). A portal page passes its
/// language; every other page passes none and gets Dutch, whatever language cookie the browser carries.
/// </summary>
public sealed class Kopteksten(string? taal)
{
    public const string Basisnaam = "Koers.Web.Features.Shared.Resources.Kop";

    private static readonly ResourceManager Bron = new(Basisnaam, typeof(Kopteksten).Assembly);

    private readonly CultureInfo _cultuur = taal is null or "nl" ? CultureInfo.InvariantCulture : new CultureInfo(taal);

    public string this[string sleutel] =>
        Bron.GetString(sleutel, _cultuur) ?? throw new InvalidOperationException($"Kop.resx mist de tekst '{sleutel}'.");
}
