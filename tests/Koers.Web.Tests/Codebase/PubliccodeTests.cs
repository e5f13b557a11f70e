using Koers.Web.Tests.Deploy;
using YamlDotNet.RepresentationModel;

namespace Koers.Web.Tests.Codebase;

/// <summary>
/// publiccode.yml (the publiccode.yml standard, version 0.4) at the repository root: it parses, has the keys v0.4
/// makes mandatory, and its values are from the standard's lists. And LICENSE is the EUPL v1.2 it names.
/// </summary>
[Trait("Categorie", "Codebase")]
public sealed class PubliccodeTests
{
    private static readonly string[] VerplichteSleutels =
    [
        "publiccodeYmlVersion", "name", "url", "platforms", "categories", "developmentStatus", "softwareType",
        "description", "legal", "maintenance", "localisation",
    ];

    /// <summary>The controlled vocabulary of categories in v0.4 (docs/standard/categories-list.rst).</summary>
    private static readonly HashSet<string> Categorieen =
    [
        "accounting", "agile-project-management", "applicant-tracking", "application-development", "appointment-scheduling",
        "backup", "billing-and-invoicing", "blog", "budgeting", "business-intelligence", "business-process-management", "cad",
        "call-center-management", "cloud-management", "collaboration", "communications", "compliance-management",
        "contact-management", "content-management", "crm", "customer-service-and-support", "data-analytics",
        "data-collection", "data-visualization", "design", "design-system", "digital-asset-management",
        "digital-citizenship", "document-management", "donor-management", "e-commerce", "e-signature",
        "educational-content", "email-management", "email-marketing", "employee-management",
        "enterprise-project-management", "enterprise-social-networking", "erp", "event-management",
        "facility-management", "feedback-and-reviews-management", "financial-reporting", "fleet-management",
        "fundraising", "gamification", "geographic-information-systems", "grant-management", "graphic-design",
        "help-desk", "hr", "ide", "identity-management", "instant-messaging", "integrated-library-system",
        "inventory-management", "it-asset-management", "it-development", "it-management", "it-security",
        "it-service-management", "knowledge-management", "learning-management-system", "marketing", "mind-mapping",
        "mobile-marketing", "mobile-payment", "network-management", "office", "online-booking", "online-community",
        "payment-gateway", "payroll", "predictive-analysis", "procurement", "productivity-suite",
        "project-collaboration", "project-management", "property-management", "real-estate-management",
        "regulations-and-directives", "remote-support", "resource-management", "sales-management", "seo",
        "service-desk", "social-media-management", "survey", "talent-management", "task-management",
        "taxes-management", "test-management", "time-management", "time-tracking", "translation",
        "video-conferencing", "video-editing", "visitor-management", "voip", "warehouse-management",
        "web-collaboration", "web-conferencing", "website-builder", "whistleblowing", "workflow-management",
    ];

    [Fact]
    public void Publiccode_yml_is_leesbaar_en_heeft_de_verplichte_sleutels_van_versie_0_4()
    {
        var root = Lees();
        var ontbreekt = VerplichteSleutels.Where(s => !root.Children.ContainsKey(new YamlScalarNode(s))).ToList();
        Assert.True(ontbreekt.Count == 0, "publiccode.yml mist: " + string.Join(", ", ontbreekt));
        Assert.Equal("0.4", Tekst(root, "publiccodeYmlVersion"));
        Assert.Equal("Koers", Tekst(root, "name"));
        Assert.StartsWith("https://", Tekst(root, "url"));
    }

    [Fact]
    public void Waarden_komen_uit_de_lijsten_van_de_standaard()
    {
        var root = Lees();
        Assert.Contains("web", Lijst(root, "platforms"));
        var categorieen = Lijst(root, "categories");
        Assert.NotEmpty(categorieen);
        Assert.All(categorieen, c => Assert.True(Categorieen.Contains(c), $"categorie '{c}' staat niet in de lijst van publiccode.yml 0.4"));
        Assert.Contains(Tekst(root, "developmentStatus"), new[] { "concept", "development", "beta", "stable", "obsolete" });
        Assert.Contains(Tekst(root, "softwareType"), new[]
        {
            "standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web", "standalone/backend",
            "standalone/other", "addon", "library", "configurationFiles",
        });
        Assert.Equal("EUPL-1.2", Tekst(Map(root, "legal"), "license"));

        var onderhoud = Map(root, "maintenance");
        var soort = Tekst(onderhoud, "type");
        Assert.Contains(soort, new[] { "internal", "contract", "community", "none" });
        if (soort is "internal" or "community")
        {
            var contacten = (YamlSequenceNode)onderhoud.Children[new YamlScalarNode("contacts")];
            Assert.NotEmpty(contacten);
            Assert.All(contacten, c => Assert.False(string.IsNullOrWhiteSpace(Tekst((YamlMappingNode)c, "name"))));
        }

        var taal = Map(root, "localisation");
        Assert.Contains(Tekst(taal, "localisationReady"), new[] { "true", "false" });
        Assert.Equal(["nl", "en", "ar", "fa", "ti", "tr", "uk"], Lijst(taal, "availableLanguages"));
    }

    [Fact]
    public void Beschrijving_in_het_Nederlands_en_Engels_binnen_de_grenzen_van_de_standaard()
    {
        var beschrijving = Map(Lees(), "description");
        foreach (var taal in new[] { "nl", "en" })
        {
            var b = Map(beschrijving, taal);
            var kort = Tekst(b, "shortDescription");
            Assert.InRange(kort.Length, 1, 150);
            Assert.DoesNotContain('\n', kort);
            var lang = Tekst(b, "longDescription");
            Assert.InRange(lang.Length, 150, 10000);
            Assert.NotEmpty(Lijst(b, "features"));
        }
    }

    [Fact]
    public void License_is_de_EUPL_1_2()
    {
        var tekst = File.ReadAllText(Path.Combine(Repo.Root, "LICENSE"));
        Assert.StartsWith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\nEUPL © the European Union 2007, 2016\n", tekst);
        Assert.Contains("15.Applicable Law", tekst);
        Assert.Contains("All other changes or additions to this Appendix require the production of a new EUPL version.", tekst);
    }

    private static YamlMappingNode Lees()
    {
        var yaml = new YamlStream();
        using var lezer = new StreamReader(Path.Combine(Repo.Root, "publiccode.yml"));
        yaml.Load(lezer);
        return (YamlMappingNode)Assert.Single(yaml.Documents).RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string sleutel) =>
        Assert.IsType<YamlMappingNode>(node.Children[new YamlScalarNode(sleutel)]);

    private static string Tekst(YamlMappingNode node, string sleutel) =>
        Assert.IsType<YamlScalarNode>(node.Children[new YamlScalarNode(sleutel)]).Value ?? "";

    private static List<string> Lijst(YamlMappingNode node, string sleutel) =>
        Assert.IsType<YamlSequenceNode>(node.Children[new YamlScalarNode(sleutel)]).Children
            .Select(c => ((YamlScalarNode)c).Value ?? "").ToList();
}
