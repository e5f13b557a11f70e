using Koers.Data;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Tests.Codebase;

/// <summary>
/// The two migration folders (src/Koers.Data/Migrations/Sqlite and .../Postgres) describe one model. Per provider the
/// model may have no change that is not in a migration yet (someone changed an entity and forgot
/// <c>scripts/migratie-toevoegen.sh</c>, or ran it for one provider only), and both folders hold the same migrations
/// in the same order with the same ids. Built with the design-time factories; no database is opened.
/// </summary>
[Trait("Categorie", "Codebase")]
public sealed class MigratieConsistentieTests
{
    /// <summary>
    /// The pairs made before scripts/migratie-toevoegen.sh, each provider with its own <c>dotnet ef migrations add</c>
    /// and so its own timestamp (seconds apart). Their ids are in <c>__EFMigrationsHistory</c> of every database that
    /// exists, so they are not renamed: a renamed migration would count as not applied and run again. Sqlite id →
    /// Postgres id. Every migration after these must have the same id in both folders.
    /// </summary>
    private static readonly Dictionary<string, string> EerdereParen = new(StringComparer.Ordinal)
    {
        ["20261124140331_Initial"] = "20261124140340_Initial",
        ["20261124142442_IntakeLbtPip"] = "20261124142452_IntakeLbtPip",
        ["20261124144300_Beveiliging"] = "20261124144310_Beveiliging",
        ["20261124145009_Bewaartermijn"] = "20261124145024_Bewaartermijn",
        ["20261124152117_Ontzorgen"] = "20261124152127_Ontzorgen",
        ["20261124152631_OntzorgenBesluitOpDossier"] = "20261124152656_OntzorgenBesluitOpDossier",
        ["20261124160022_Berichten"] = "20261124160048_Berichten",
        ["20261124181506_Ketenpartners"] = "20261124181519_Ketenpartners",
        ["20261124191951_PartnercontractenVerwijzingen"] = "20261124192007_PartnercontractenVerwijzingen",
        ["20261124193625_Voortgang"] = "20261124193635_Voortgang",
        ["20261124194000_TaakslotenSchaalIndexen"] = "20261124194011_TaakslotenSchaalIndexen",
        ["20261124194840_Handhaving"] = "20261124194848_Handhaving",
        ["20261124195305_DuoUitwisseling"] = "20261124195310_DuoUitwisseling",
        ["20261124215740_WerkvoorraadOpenTermijnen"] = "20261124215746_WerkvoorraadOpenTermijnen",
        ["20261124220821_DuoInboxWachtend"] = "20261124220826_DuoInboxWachtend",
        ["20261124222245_MonitorDossier"] = "20261124222249_MonitorDossier",
        ["20261202175910_DataProtectionSleutels"] = "20261202175915_DataProtectionSleutels",
        ["20261202175946_BsnVersleuteld"] = "20261202175950_BsnVersleuteld",
        ["20261202180831_AuditKeten"] = "20261202180955_AuditKeten",
    };

    [Fact]
    public void Sqlite_model_heeft_geen_wijzigingen_zonder_migratie()
    {
        using var db = new SqliteDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "Het model wijkt af van de laatste SQLite-migratie. Voeg een migratie toe: bash scripts/migratie-toevoegen.sh <Naam>");
    }

    [Fact]
    public void Postgres_model_heeft_geen_wijzigingen_zonder_migratie()
    {
        using var db = new PostgresDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "Het model wijkt af van de laatste PostgreSQL-migratie. Voeg een migratie toe: bash scripts/migratie-toevoegen.sh <Naam>");
    }

    [Fact]
    public void Beide_mappen_hebben_dezelfde_migraties_in_dezelfde_volgorde()
    {
        var (sqlite, postgres) = Migraties();
        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite.Select(Naam), postgres.Select(Naam));
    }

    [Fact]
    public void Beide_mappen_gebruiken_dezelfde_ids()
    {
        var (sqlite, postgres) = Migraties();
        Assert.Equal(sqlite.Count, postgres.Count);
        var verwacht = sqlite.Select(id => EerdereParen.GetValueOrDefault(id, id)).ToList();
        Assert.Equal(verwacht, postgres);
    }

    [Fact]
    public void De_eerdere_paren_met_verschillende_ids_zijn_de_oudste_en_blijven_dat()
    {
        // Only the historic pairs may differ, and they stay the first ones: a new pair cannot hide among them.
        var (sqlite, postgres) = Migraties();
        Assert.Equal(EerdereParen.Keys, sqlite.Take(EerdereParen.Count));
        Assert.Equal(EerdereParen.Values, postgres.Take(EerdereParen.Count));
    }

    private static (List<string> Sqlite, List<string> Postgres) Migraties()
    {
        using var sqlite = new SqliteDesignFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignFactory().CreateDbContext([]);
        return (sqlite.Database.GetMigrations().ToList(), postgres.Database.GetMigrations().ToList());
    }

    /// <summary>The part after the timestamp: 20261124140331_Initial → Initial.</summary>
    private static string Naam(string id) => id[(id.IndexOf('_') + 1)..];
}
