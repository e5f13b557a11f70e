using System.Globalization;
using System.Reflection;
using System.Text;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Duo;
using Koers.Data.Versleuteling;
using Koers.Domain.Identity;
using Koers.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// The entities hold a BSN and a V-nummer as the value types <see cref="Bsn"/> and <see cref="VNummer"/>, not as text:
/// a number that reaches a log line, an exception or an interpolated string by accident prints masked, and code that
/// needs the number asks for <c>.Value</c> on purpose. (The stored form is checked on both providers in
/// BsnVersleutelingTests.)
/// </summary>
public sealed class BsnWaardetypeTests
{
    private const string Nummer = "123456782";
    private const string VNummerTekst = "2000000001";

    /// <summary>Every property of an entity in Koers.Data whose name says it holds a BSN or a V-nummer.</summary>
    private static List<PropertyInfo> Nummereigenschappen() =>
        typeof(KoersDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, Namespace: not null } && t.Namespace.StartsWith("Koers.Data.Model", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.Name.EndsWith("Bsn", StringComparison.OrdinalIgnoreCase) || p.Name.EndsWith("VNummer", StringComparison.OrdinalIgnoreCase))
            .ToList();

    [Fact]
    public void Geen_entiteit_houdt_een_bsn_of_vnummer_als_tekst_of_getal()
    {
        var eigenschappen = Nummereigenschappen();
        // Not vacuous: the four known ones are among them.
        Assert.Superset(
            new HashSet<string> { "Inburgeraar.Bsn", "Inburgeraar.VNummer", "DuoNotificatie.Bsn", "DuoNotificatie.VNummer" },
            eigenschappen.Select(p => $"{p.DeclaringType!.Name}.{p.Name}").ToHashSet());
        var fout = eigenschappen
            .Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) !=
                        (p.Name.EndsWith("Bsn", StringComparison.OrdinalIgnoreCase) ? typeof(Bsn) : typeof(VNummer)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name} is {p.PropertyType.Name}")
            .ToList();
        Assert.True(fout.Count == 0,
            "Een BSN of V-nummer in een entiteit is het waardetype Bsn? of VNummer? (gemaskeerd in ToString), geen tekst of getal: " + string.Join(", ", fout));
    }

    [Fact]
    public void Elke_bsn_of_vnummer_in_het_model_wordt_versleuteld_opgeslagen()
    {
        using var verbinding = new SqliteConnection("Data Source=:memory:");
        using var db = new SqliteKoersDbContext(new DbContextOptionsBuilder<SqliteKoersDbContext>().UseSqlite(verbinding).UseBsnBescherming(TestSleutels.Bescherming()).Options);
        var waardetypen = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) is var t && (t == typeof(Bsn) || t == typeof(VNummer)))
            .ToList();
        Assert.Equal(4, waardetypen.Count);
        Assert.All(waardetypen, p => Assert.IsAssignableFrom<IBeschermdeConverter>(p.GetValueConverter()));
    }

    [Fact]
    public void Een_bsn_of_vnummer_in_een_string_toont_alleen_de_laatste_drie_cijfers()
    {
        var inburgeraar = new Inburgeraar
        {
            Voornamen = "Test", Achternaam = "Persoon", Nationaliteit = "Eritrese", Bsn = Bsn.Parse(Nummer), VNummer = VNummer.Parse(VNummerTekst),
        };
        var notificatie = new DuoNotificatie
        {
            GebeurtenisId = "SS101", Bsn = Bsn.Parse(Nummer), VNummer = VNummer.Parse(VNummerTekst), Persoonssleutel = "-", Afzender = "-",
        };

        Assert.Equal("******782", $"{inburgeraar.Bsn}");
        Assert.Equal("*******001", $"{inburgeraar.VNummer}");
        // Every way a value ends up as text by accident: interpolation, concatenation, string.Format, a StringBuilder, an exception.
        var teksten = new[]
        {
            $"BSN {inburgeraar.Bsn}, V-nummer {inburgeraar.VNummer}",
            "BSN " + inburgeraar.Bsn + " " + notificatie.Bsn + " " + notificatie.VNummer,
            string.Format(CultureInfo.InvariantCulture, "{0} {1}", inburgeraar.Bsn, inburgeraar.VNummer),
            new StringBuilder().Append(inburgeraar.Bsn).Append(notificatie.VNummer).ToString(),
            new InvalidOperationException($"Dossier met {inburgeraar.Bsn} niet gevonden").Message,
            string.Join(";", new object?[] { inburgeraar.Bsn, inburgeraar.VNummer }),
        };
        foreach (var tekst in teksten)
        {
            Assert.DoesNotContain(Nummer, tekst);
            Assert.DoesNotContain(VNummerTekst, tekst);
            Assert.DoesNotContain("123456", tekst);
        }

        // The full number only when asked for.
        Assert.Equal(Nummer, inburgeraar.Bsn?.Value);
        Assert.Equal(VNummerTekst, notificatie.VNummer?.Value);
        Assert.Equal(string.Empty, default(Bsn).ToString()); // a default value prints nothing rather than throwing
    }

    [Fact]
    public void Parse_geeft_de_melding_van_de_validatie_zonder_het_nummer()
    {
        var fout = Assert.Throws<FormatException>(() => Bsn.Parse("123456789"));
        Assert.Equal("Dit BSN klopt niet: het voldoet niet aan de elfproef. Controleer de cijfers.", fout.Message);
        Assert.Equal("Een V-nummer bestaat uit 10 cijfers.", Assert.Throws<FormatException>(() => VNummer.Parse("12345")).Message);
        Assert.Equal("012345672", Bsn.Parse("12345672").Value); // an old 8-digit BSN, padded as TryParse does
    }
}
