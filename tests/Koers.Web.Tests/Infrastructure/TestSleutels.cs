using Koers.Data.Versleuteling;
using Microsoft.AspNetCore.Hosting;

namespace Koers.Web.Tests.Infrastructure;

/// <summary>
/// The BSN keys of the test run (Koers:Bsn): fixed, so a restarted app or a second instance on the same database
/// reads what the first wrote. Key 1 is active; key 2 and index key 2 exist for the rotation tests.
/// </summary>
public static class TestSleutels
{
    public const string Sleutel1 = "jqB3Q4KLUWtoR3tASPBv3VHeyhR2B47nsgdZZiCokgs=";
    public const string Sleutel2 = "rU0jopvZmb8aoVDZu+XMnLGo0ExbMO84XMLjBzC1SNA=";
    public const string IndexSleutel1 = "vLAm9wgJUlx69pTPc41JrIpHInSnDcXhcIKW84SNbkQ=";
    public const string IndexSleutel2 = "69L3WAyTIxlxzUKcWc5fjlppUitJDl+47CcPoyhQXvM=";

    /// <summary>Koers:DataProtection:Sleutel: protects the data-protection key ring stored in the database.</summary>
    public const string DataProtectieSleutel = "2q8c0i4mUpH0V9m7cJb3t1uQ0yWfXn6sLr5eKd2aZgo=";

    /// <summary>Sets the test keys on an app under test (KoersFactory does this for every test).</summary>
    public static void Instellen(IWebHostBuilder builder)
    {
        builder.UseSetting("Koers:Bsn:Sleutels:1", Sleutel1);
        builder.UseSetting("Koers:Bsn:ActieveSleutel", "1");
        builder.UseSetting("Koers:Bsn:IndexSleutels:1", IndexSleutel1);
        builder.UseSetting("Koers:Bsn:ActieveIndexSleutel", "1");
        builder.UseSetting("Koers:DataProtection:Sleutel", DataProtectieSleutel);
    }

    /// <summary>The same keys as a service, for tools that write or read the database directly (the bench generator).</summary>
    public static BsnBescherming Bescherming() => new(
        new Dictionary<string, byte[]> { ["1"] = Convert.FromBase64String(Sleutel1) }, "1",
        new Dictionary<string, byte[]> { ["1"] = Convert.FromBase64String(IndexSleutel1) }, "1");
}

/// <summary>Test lookups by number: the columns hold ciphertext, so tests find rows by blind index as Koers does.</summary>
public static class BsnTestZoeken
{
    public static BsnBescherming Bescherming(this Koers.Data.KoersDbContext db) => BsnModel.BeschermingVan(db)!;

    public static IQueryable<Koers.Data.Model.Inburgeraar> InburgeraarsMetBsn(this Koers.Data.KoersDbContext db, params IEnumerable<string> bsns)
    {
        var indexen = db.Bescherming().Indexen(Nummersoort.Bsn, bsns);
        return db.Inburgeraars.Where(i => indexen.Contains(i.BsnIndex!));
    }

    public static IQueryable<Koers.Data.Model.Inburgeraar> InburgeraarsMetVNummer(this Koers.Data.KoersDbContext db, string vnummer) =>
        db.Inburgeraars.MetVNummer(db.Bescherming(), Koers.Domain.Identity.VNummer.Parse(vnummer));

    /// <summary>The DUO events of these persons, by their Persoonssleutel (the blind index of the BSN).</summary>
    public static IQueryable<Koers.Data.Model.Duo.DuoNotificatie> DuoNotificatiesVan(this Koers.Data.KoersDbContext db, params IEnumerable<string> bsns)
    {
        var sleutels = db.Bescherming().Indexen(Nummersoort.Bsn, bsns);
        return db.DuoNotificaties.Where(n => sleutels.Contains(n.Persoonssleutel));
    }
}
