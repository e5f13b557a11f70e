using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Koers.Data;

/// <summary>
/// EF Core compiled queries, compiled once per model instead of once per process.
/// </summary>
/// <remarks>
/// Why compiled: a LINQ query composed per request builds its expression tree, has EF extract its parameters and look it
/// up in the query cache on every execution; on the case page (17 queries) that was 28 % of Koers's CPU (issue #21,
/// perf profile, bench/README.md). A compiled query does that once.
/// <para>
/// Why per model: EF's compiled query keeps the executor of the first context it ran on, for that context's provider.
/// One process can hold contexts of both providers (the PostgreSQL test run hosts SQLite and PostgreSQL apps), and a
/// static compiled query then sent SQLite's SQL to PostgreSQL (CI, reverted in 10ecf24). Each provider has its own
/// context type (<c>SqliteKoersDbContext</c>, <c>PostgresKoersDbContext</c>) and so its own model, and a model is also
/// per BSN key configuration (<see cref="Versleuteling.BsnModelCacheKey"/>): one compiled query per model is one per
/// provider and configuration. The table holds models weakly, as EF's own model cache does. Its callback is made once per
/// query, not per call: the lookup is on every case page.
/// </para>
/// </remarks>
public static class Gecompileerd
{
    /// <summary>A query returning a list, as <see cref="EF.CompileAsyncQuery{TContext,TParam1,TResult}(Expression{Func{TContext,TParam1,IQueryable{TResult}}})"/>.</summary>
    public static Lijst<T1, TResult> Rijen<T1, TResult>(Expression<Func<KoersDbContext, T1, IQueryable<TResult>>> query) => new(query);

    /// <summary>A query returning a list, with two parameters.</summary>
    public static Lijst<T1, T2, TResult> Rijen<T1, T2, TResult>(Expression<Func<KoersDbContext, T1, T2, IQueryable<TResult>>> query) => new(query);

    /// <summary>A query returning one row or null (its expression ends in FirstOrDefault).</summary>
    public static Een<T1, TResult> Rij<T1, TResult>(Expression<Func<KoersDbContext, T1, TResult>> query) => new(query);

    /// <summary>A query returning one row or null, with two parameters.</summary>
    public static Een<T1, T2, TResult> Rij<T1, T2, TResult>(Expression<Func<KoersDbContext, T1, T2, TResult>> query) => new(query);

    public sealed class Lijst<T1, TResult>(Expression<Func<KoersDbContext, T1, IQueryable<TResult>>> query)
    {
        private readonly ConditionalWeakTable<IModel, Func<KoersDbContext, T1, IAsyncEnumerable<TResult>>> _perModel = new();
        private readonly ConditionalWeakTable<IModel, Func<KoersDbContext, T1, IAsyncEnumerable<TResult>>>.CreateValueCallback _compileer = _ => EF.CompileAsyncQuery(query);

        public async Task<List<TResult>> ToListAsync(KoersDbContext db, T1 a, CancellationToken ct)
        {
            var lijst = new List<TResult>();
            await foreach (var rij in _perModel.GetValue(db.Model, _compileer)(db, a).WithCancellation(ct)) lijst.Add(rij);
            return lijst;
        }
    }

    public sealed class Lijst<T1, T2, TResult>(Expression<Func<KoersDbContext, T1, T2, IQueryable<TResult>>> query)
    {
        private readonly ConditionalWeakTable<IModel, Func<KoersDbContext, T1, T2, IAsyncEnumerable<TResult>>> _perModel = new();
        private readonly ConditionalWeakTable<IModel, Func<KoersDbContext, T1, T2, IAsyncEnumerable<TResult>>>.CreateValueCallback _compileer = _ => EF.CompileAsyncQuery(query);

        public async Task<List<TResult>> ToListAsync(KoersDbContext db, T1 a, T2 b, CancellationToken ct)
        {
            var lijst = new List<TResult>();
            await foreach (var rij in _perModel.GetValue(db.Model, _compileer)(db, a, b).WithCancellation(ct)) lijst.Add(rij);
            return lijst;
        }
    }

    public sealed class Een<T1, TResult>(Expression<Func<KoersDbContext, T1, TResult>> query)
    {
        private readonly ConditionalWeakTable<IModel, Func<KoersDbContext, T1, CancellationToken, Task<TResult>>> _perModel = new();
        private readonly ConditionalWeakTable<IModel, Func<KoersDbContext, T1, CancellationToken, Task<TResult>>>.CreateValueCallback _compileer = _ => EF.CompileAsyncQuery(Met(query));

        public Task<TResult> AlsAsync(KoersDbContext db, T1 a, CancellationToken ct) =>
            _perModel.GetValue(db.Model, _compileer)(db, a, ct);

        // EF's async compiled single-row query takes the CancellationToken as its last parameter.
        private static Expression<Func<KoersDbContext, T1, CancellationToken, TResult>> Met(Expression<Func<KoersDbContext, T1, TResult>> q) =>
            Expression.Lambda<Func<KoersDbContext, T1, CancellationToken, TResult>>(q.Body, [.. q.Parameters, Expression.Parameter(typeof(CancellationToken), "ct")]);
    }

    public sealed class Een<T1, T2, TResult>(Expression<Func<KoersDbContext, T1, T2, TResult>> query)
    {
        private readonly ConditionalWeakTable<IModel, Func<KoersDbContext, T1, T2, CancellationToken, Task<TResult>>> _perModel = new();
        private readonly ConditionalWeakTable<IModel, Func<KoersDbContext, T1, T2, CancellationToken, Task<TResult>>>.CreateValueCallback _compileer = _ => EF.CompileAsyncQuery(Met(query));

        public Task<TResult> AlsAsync(KoersDbContext db, T1 a, T2 b, CancellationToken ct) =>
            _perModel.GetValue(db.Model, _compileer)(db, a, b, ct);

        private static Expression<Func<KoersDbContext, T1, T2, CancellationToken, TResult>> Met(Expression<Func<KoersDbContext, T1, T2, TResult>> q) =>
            Expression.Lambda<Func<KoersDbContext, T1, T2, CancellationToken, TResult>>(q.Body, [.. q.Parameters, Expression.Parameter(typeof(CancellationToken), "ct")]);
    }
}
