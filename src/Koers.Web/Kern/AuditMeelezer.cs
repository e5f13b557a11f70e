using System.Data.Common;
using System.Runtime.CompilerServices;
using Koers.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Koers.Web.Kern;

/// <summary>
/// Puts a read's audit row into the read's own statement (<see cref="Auditlog.MeelezenAsync"/>): a query tagged
/// <see cref="Auditlog.MeeTag"/> on a context with a row waiting becomes
/// <c>WITH koers_audit AS (INSERT INTO audit … SELECT … [WHERE the case is in reach]) SELECT …</c>. PostgreSQL runs the
/// sub-statements of a WITH with the main query's snapshot, exactly once and to completion, whether or not the main
/// query reads them; an error in either fails the whole statement.
///
/// The row stays waiting until its handle is disposed, not until the first execution: a command EF executes again (a
/// retrying execution strategy) carries it again, and a failed attempt left nothing behind.
/// </summary>
public sealed class AuditMeelezer : DbCommandInterceptor
{
    internal sealed record Wachtend(AuditRegel Regel, int[]? AlleenAlsDossierIn)
    {
        /// <summary>Set when a command carried the row.</summary>
        public volatile bool Meegenomen;
    }

    private static readonly ConditionalWeakTable<DbContext, Wachtend> Wachtende = new();

    internal static Meelezing Wacht(DbContext context, Wachtend rij)
    {
        if (Wachtende.TryGetValue(context, out _)) throw new InvalidOperationException("Er wacht al een auditregel op een lezing van deze context.");
        Wachtende.Add(context, rij);
        return new Meelezing(context, rij);
    }

    /// <summary>
    /// The <c>INSERT INTO audit (…) SELECT …</c> of one row (no FROM: the caller adds its source and condition), each value a
    /// typed parameter made by <paramref name="parameter"/> and the description the SQL expression
    /// <paramref name="omschrijving"/>: the one INSERT of an audit row outside EF's SaveChanges, for a row that travels with
    /// its read (here, and <see cref="Auditlog.LeesGeteldAsync{T}"/>).
    /// </summary>
    internal static string Invoegen(AuditRegel r, Func<string, object?, NpgsqlDbType, string> parameter, string omschrijving) => $"""
        INSERT INTO audit ("Op", "Gebruiker", "Actie", "InburgeraarId", "ObjectSoort", "ObjectId", "Omschrijving", "Rol", "Organisatie", "RegioId", "IpAdres", "Doel", "Resultaat")
        SELECT {parameter("op", r.Op, NpgsqlDbType.TimestampTz)}, {parameter("gebruiker", r.Gebruiker, NpgsqlDbType.Text)}, {parameter("actie", r.Actie.ToString(), NpgsqlDbType.Text)},
            {parameter("dossier", r.InburgeraarId, NpgsqlDbType.Uuid)}, {parameter("soort", r.ObjectSoort, NpgsqlDbType.Text)}, {parameter("object", r.ObjectId, NpgsqlDbType.Text)},
            {omschrijving}, {parameter("rol", r.Rol, NpgsqlDbType.Text)}, {parameter("organisatie", r.Organisatie, NpgsqlDbType.Text)},
            {parameter("regio", r.RegioId, NpgsqlDbType.Integer)}, {parameter("ip", r.IpAdres, NpgsqlDbType.Text)}, {parameter("doel", r.Doel, NpgsqlDbType.Text)},
            {parameter("resultaat", r.Resultaat.ToString(), NpgsqlDbType.Text)}
        """;

    /// <summary>
    /// Adds the travelling row's values to a command's (or batch command's) parameters, named with <paramref name="prefix"/>,
    /// and gives their placeholders. EF names its own parameters (@p); a read with numbered ones ($1) cannot take named
    /// ones beside them, so it is refused rather than guessed at.
    /// </summary>
    internal static Func<string, object?, NpgsqlDbType, string> Parameters(DbParameterCollection parameters, string prefix)
    {
        if (parameters.Count > 0 && string.IsNullOrEmpty(parameters[0].ParameterName))
        {
            throw new InvalidOperationException("De lezing gebruikt genummerde parameters; de auditregel kan niet mee.");
        }

        return (naam, waarde, type) =>
        {
            parameters.Add(new NpgsqlParameter(prefix + naam, type) { Value = waarde ?? DBNull.Value });
            return "@" + prefix + naam;
        };
    }

    internal static void Stop(DbContext context) => Wachtende.Remove(context);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Meenemen(command, eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Meenemen(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    private const string Prefix = "koers_mee_";

    private static void Meenemen(DbCommand command, DbContext? context)
    {
        if (context is null || !Wachtende.TryGetValue(context, out var wachtend) || !command.CommandText.Contains(Auditlog.MeeTag, StringComparison.Ordinal)) return;
        // A second execution of the same command object (a retry) already carries the row.
        if (command.Parameters.Contains(Prefix + "op")) return;
        var P = Parameters(command.Parameters, Prefix);
        wachtend.Meegenomen = true;
        var r = wachtend.Regel;

        var waar = wachtend.AlleenAlsDossierIn is { } gemeenten
            ? $"""WHERE EXISTS (SELECT 1 FROM inburgeraar WHERE "Id" = {P("dossier_in", r.InburgeraarId, NpgsqlDbType.Uuid)} AND "GemeenteId" = ANY ({P("gemeenten", gemeenten, NpgsqlDbType.Array | NpgsqlDbType.Integer)}))"""
            : string.Empty;
        command.CommandText = $"""
            WITH koers_audit AS (
                {Invoegen(r, P, P("omschrijving", r.Omschrijving, NpgsqlDbType.Text))}
                {waar})
            {command.CommandText}
            """;
    }
}

/// <summary>
/// A read's audit row waiting for the read (<see cref="Auditlog.MeelezenAsync"/>). After the read, <see cref="Bevestig"/>
/// says whether the row went with it: a query that lost its tag (or an interceptor that is not registered) would otherwise
/// show a read without a row, silently. Disposing stops the waiting.
/// </summary>
public sealed class Meelezing : IDisposable
{
    private readonly DbContext _context;
    private readonly AuditMeelezer.Wachtend _rij;

    internal Meelezing(DbContext context, AuditMeelezer.Wachtend rij)
    {
        _context = context;
        _rij = rij;
    }

    /// <summary>Throws when the read ran without its audit row (call it after the read, before using what it returned).</summary>
    public void Bevestig()
    {
        if (!_rij.Meegenomen)
        {
            throw new InvalidOperationException($"De auditregel '{_rij.Regel.Omschrijving}' ging niet mee met de lezing (geen query met de tag {Auditlog.MeeTag}).");
        }
    }

    public void Dispose() => AuditMeelezer.Stop(_context);
}
