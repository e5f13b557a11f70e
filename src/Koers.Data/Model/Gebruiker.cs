using Microsoft.AspNetCore.Identity;

namespace Koers.Data.Model;

/// <summary>The roles of Koers; every read of a case is decided on role, municipality (and later consent).</summary>
public static class Rollen
{
    public const string Klantregisseur = "Klantregisseur";
    public const string Teamleider = "Teamleider";
    public const string Beleidsmedewerker = "Beleidsmedewerker";
    public const string FunctioneelBeheerder = "FunctioneelBeheerder";
    public const string Partner = "Partner";
    public const string Inburgeraar = "Inburgeraar";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> Alle =
        [Klantregisseur, Teamleider, Beleidsmedewerker, FunctioneelBeheerder, Partner, Inburgeraar, Auditor];

    /// <summary>Roles that work with individual case files of their municipality.</summary>
    public static readonly IReadOnlyList<string> Dossierrollen = [Klantregisseur, Teamleider];

    public static string Omschrijving(string rol) => rol switch
    {
        Klantregisseur => "Klantregisseur",
        Teamleider => "Teamleider",
        Beleidsmedewerker => "Beleidsmedewerker",
        FunctioneelBeheerder => "Functioneel beheerder",
        Partner => "Ketenpartner",
        Inburgeraar => "Inburgeraar",
        Auditor => "Auditor",
        _ => rol,
    };
}

/// <summary>
/// A person who signs in. Linked to a Medewerker (municipal staff), to an Inburgeraar (own file only), or to
/// a municipality only (policy, beheer). Passwords are hashed by ASP.NET Core Identity; lockout and TOTP are on.
/// </summary>
public class Gebruiker : IdentityUser
{
    public string Weergavenaam { get; set; } = string.Empty;
    public int? MedewerkerId { get; set; }
    public Medewerker? Medewerker { get; set; }
    public Guid? InburgeraarId { get; set; }

    /// <summary>Home municipality for users without a Medewerker record (beleid, beheer, auditor).</summary>
    public int? GemeenteId { get; set; }

    /// <summary>For chain-partner staff: their organisation. What they see of a case is decided by consent.</summary>
    public int? PartnerorganisatieId { get; set; }
}
