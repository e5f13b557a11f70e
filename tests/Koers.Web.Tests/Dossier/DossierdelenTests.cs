using System.Collections.Concurrent;
using System.Net;
using Koers.Data;
using Koers.Data.Model;
using Koers.Web.Kern;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Web.Tests.Dossier;

/// <summary>
/// Two parts of the case page that only finish when both have started: read one after another, the first waits for a
/// second that never comes. They also say what their own scope knew (the opened case) and write an audit row there.
/// </summary>
public sealed class Ontmoeting
{
    public const string Handler = "TestSamen";
    private readonly ConcurrentDictionary<Guid, (TaskCompletionSource A, TaskCompletionSource B)> _paren = new();

    public ConcurrentDictionary<Guid, bool> Samen { get; } = new();
    public ConcurrentDictionary<Guid, bool> ZagGeopend { get; } = new();

    public async Task TreffenAsync(Guid id, bool eerste)
    {
        var paar = _paren.GetOrAdd(id, _ => (new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)));
        (eerste ? paar.A : paar.B).TrySetResult();
        try
        {
            await (eerste ? paar.B : paar.A).Task.WaitAsync(TimeSpan.FromSeconds(15));
            Samen.AddOrUpdate(id, true, (_, al) => al);
        }
        catch (TimeoutException)
        {
            Samen[id] = false;
        }
    }
}

public abstract class TreffendOnderdeel(Ontmoeting ontmoeting, Toegang toegang, Auditlog audit, bool eerste) : IDossieronderdeel
{
    public Dossierplek Plek => Dossierplek.NaMijlpalen;
    public int Volgorde => 90;
    public IReadOnlyCollection<string> Handlers { get; } = [];

    public async Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct)
    {
        if (handler != Ontmoeting.Handler) return null;
        ontmoeting.ZagGeopend[dossierId] = toegang.Geopend(dossierId) is not null;
        if (eerste)
        {
            audit.Inzien(dossierId, "Test: onderdeel in een eigen scope gelezen");
            await audit.BewaarLezingAsync(ct);
        }

        await ontmoeting.TreffenAsync(dossierId, eerste);
        return null;
    }

    public Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct) => Task.FromResult<string?>(null);
}

public sealed class EersteOnderdeel(Ontmoeting o, Toegang t, Auditlog a) : TreffendOnderdeel(o, t, a, eerste: true);

public sealed class TweedeOnderdeel(Ontmoeting o, Toegang t, Auditlog a) : TreffendOnderdeel(o, t, a, eerste: false);

/// <summary>A part that, against the rule, changes something in its own unit of work (only with its handler).</summary>
public sealed class WijzigendOnderdeel(KoersDbContext db) : IDossieronderdeel
{
    public const string Handler = "TestWijzig";
    public Dossierplek Plek => Dossierplek.Kop;
    public int Volgorde => 90;
    public IReadOnlyCollection<string> Handlers { get; } = [];

    public async Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct)
    {
        if (handler != Handler) return null;
        var dossier = await db.Inburgeraars.FirstAsync(i => i.Id == dossierId, ct);
        dossier.Achternaam += " (gewijzigd)";
        return null;
    }

    public Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct) => Task.FromResult<string?>(null);
}

public abstract class DossierdelenOmgeving(KoersFactory basis) : KoppelingOmgeving(basis, (b, _) => b.ConfigureTestServices(s =>
{
    s.AddSingleton<Ontmoeting>();
    s.AddDossieronderdeel<EersteOnderdeel>();
    s.AddDossieronderdeel<TweedeOnderdeel>();
    s.AddDossieronderdeel<WijzigendOnderdeel>();
}))
{
    public Ontmoeting Ontmoeting => App.Services.GetRequiredService<Ontmoeting>();
}

public sealed class DossierdelenSqliteOmgeving() : DossierdelenOmgeving(new SqliteFactory());

public sealed class DossierdelenPostgresOmgeving() : DossierdelenOmgeving(new PostgresFactory());

/// <summary>
/// The case page reads its parts at the same time, each in a scope of its own (Kern.Dossierdelen, issue #21): the parts
/// really run at once, each knows the case the page opened, their audit rows are saved with the page's in one batch, and
/// a part that changes something fails the page without anything of the bundle being saved.
/// </summary>
public abstract class DossierdelenTests(DossierdelenOmgeving omgeving)
{
    private async Task<Guid> DossierAsync()
    {
        var r = await omgeving.Als().PostJsonAsync("/api/v1/koppelingen", Testdata.Inburgeraar(bsn: Testdata.NieuwBsn(), gemeente: "GM1724"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return Guid.Parse((await r.LeesAsync())["id"]!.GetValue<string>());
    }

    private List<string> Rijen(Guid id) =>
        omgeving.Db(db => db.Audit.Where(a => a.InburgeraarId == id && a.Actie == AuditActie.Inzien).OrderBy(a => a.Id).Select(a => a.Omschrijving).ToList());

    [Fact]
    public async Task De_onderdelen_worden_tegelijk_gelezen_elk_met_het_geopende_dossier_en_hun_audit_gaat_mee_in_de_bundel()
    {
        var id = await DossierAsync();
        var voor = Rijen(id).Count;
        using var teller = Statementteller.VanVerzoeken();
        var pagina = await omgeving.Als().SendAsync(teller.Verzoek($"/inburgeraars/{id}?handler={Ontmoeting.Handler}"));
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);

        // Both parts were under way at once: one after another, the first would have waited for the second in vain.
        Assert.True(omgeving.Ontmoeting.Samen[id], "De twee onderdelen liepen niet tegelijk");
        // Each in its own scope knew the case the page opened (no second read of it, no second access check).
        Assert.True(omgeving.Ontmoeting.ZagGeopend[id], "Een onderdeel kende het geopende dossier niet");

        // The part's audit row, written in its own scope, is saved with the page's, after them, in the same one batch.
        var nieuw = Rijen(id).Skip(voor).ToList();
        Assert.Equal(["Scherm: dossier bekeken", "Sociale kaart: koppelingen van de inburgeraar bekeken", "Test: onderdeel in een eigen scope gelezen"], nieuw);
        var inserts = teller.Statements.Where(s => System.Text.RegularExpressions.Regex.IsMatch(s, "INSERT INTO \"?audit\"? ")).ToList();
        Assert.Equal(omgeving.Basis.Provider == DatabaseProvider.Postgres ? 1 : 3, inserts.Count);
    }

    [Fact]
    public async Task Een_onderdeel_dat_iets_wijzigt_laat_de_pagina_falen_en_niets_van_de_bundel_wordt_bewaard()
    {
        var id = await DossierAsync();
        var voor = Rijen(id);
        var naam = omgeving.Db(db => db.Inburgeraars.Where(i => i.Id == id).Select(i => i.Achternaam).Single());

        var pagina = await omgeving.Als().GetAsync($"/inburgeraars/{id}?handler={WijzigendOnderdeel.Handler}");
        Assert.Equal("/fout", pagina.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain(naam, await pagina.Content.ReadAsStringAsync());
        // Nothing of the page's bundle is saved. On PostgreSQL the case read and the sociale kaart read wrote their own rows
        // in their own statements (docs/adr/0010): those reads took place, though nothing of them was shown.
        List<string> gelezen = omgeving.Basis.Provider == DatabaseProvider.Postgres
            ? ["Scherm: dossier bekeken", "Sociale kaart: koppelingen van de inburgeraar bekeken"]
            : [];
        Assert.Equal(voor, Rijen(id).Take(voor.Count));
        Assert.Equal(gelezen.Order(), Rijen(id).Skip(voor.Count).Order());
        Assert.Equal(naam, omgeving.Db(db => db.Inburgeraars.Where(i => i.Id == id).Select(i => i.Achternaam).Single()));
        Assert.Contains(omgeving.Basis.Logs.Regels, r => r.Contains("onderdelen lezen alleen", StringComparison.Ordinal));
    }
}

public sealed class SqliteDossierdelenTests(DossierdelenSqliteOmgeving o) : DossierdelenTests(o), IClassFixture<DossierdelenSqliteOmgeving>;

public sealed class PostgresDossierdelenTests(DossierdelenPostgresOmgeving o) : DossierdelenTests(o), IClassFixture<DossierdelenPostgresOmgeving>;
