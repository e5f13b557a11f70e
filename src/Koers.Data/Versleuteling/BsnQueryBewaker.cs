using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Koers.Data.Versleuteling;

/// <summary>A query that would compare, sort or group on ciphertext; see <see cref="BsnQueryBewaker"/>.</summary>
public sealed class BsnQueryFout(string melding) : InvalidOperationException(melding);

/// <summary>
/// Refuses queries that filter, sort or group on an encrypted column. <c>Where(i =&gt; i.Bsn == bsn)</c> still compiles
/// after encryption, but it compares a fresh random ciphertext with the stored one and silently finds nothing; that
/// is how a duplicate check or a DUO lookup would quietly stop working. Such a query now throws at its first run
/// (a test catches it), with the way out in the message: compare the blind index. Allowed: reading the column
/// (Select, or the whole entity) and testing it for null. Runs when EF compiles a query shape, not on every execution.
/// </summary>
public sealed class BsnQueryBewaker : IQueryExpressionInterceptor
{
    public static readonly BsnQueryBewaker Instantie = new();

    private static readonly ConditionalWeakTable<IModel, HashSet<(Type, string)>> Beschermd = [];

    // Methods whose lambdas only shape the result: the converter decrypts what they read.
    private static readonly HashSet<string> Projecties = ["Select", "SelectMany"];

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            var leden = Beschermd.GetValue(context.Model, BeschermdeLeden);
            if (leden.Count > 0) new Zoeker(leden).Visit(queryExpression);
        }

        return queryExpression;
    }

    /// <summary>The properties whose converter encrypts, as (declaring CLR type, name).</summary>
    public static HashSet<(Type, string)> BeschermdeLeden(IModel model) =>
        model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Where(p => p.GetValueConverter() is IBeschermdeConverter && p.PropertyInfo is not null)
            .Select(p => (p.PropertyInfo!.DeclaringType!, p.Name))
            .ToHashSet();

    private sealed class Zoeker(HashSet<(Type, string)> leden) : ExpressionVisitor
    {
        private bool _projectie;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Queryable) && node.Method.DeclaringType != typeof(Enumerable)) return base.VisitMethodCall(node);
            // The source (and other plain arguments) keep the current mode; lambdas get the mode of this method.
            var vorige = _projectie;
            foreach (var argument in node.Arguments)
            {
                var lambda = Ontquote(argument) is LambdaExpression;
                _projectie = lambda ? Projecties.Contains(node.Method.Name) : vorige;
                Visit(argument);
            }

            _projectie = vorige;
            return node;
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            // "x.Bsn == null" and "x.Bsn != null" do not depend on the ciphertext.
            if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual &&
                ((IsBeschermd(node.Left) && IsNull(node.Right)) || (IsBeschermd(node.Right) && IsNull(node.Left))))
            {
                return node;
            }

            return base.VisitBinary(node);
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            // "x.Bsn.HasValue" (a nullable value type) is a null test as well.
            if (node.Member.Name == nameof(Nullable<int>.HasValue) && node.Expression is { } binnen && Nullable.GetUnderlyingType(binnen.Type) is not null &&
                IsBeschermd(binnen))
            {
                return node;
            }

            if (!_projectie && IsBeschermd(node))
            {
                throw new BsnQueryFout(
                    $"Een query vergelijkt, sorteert of groepeert op {node.Member.DeclaringType!.Name}.{node.Member.Name}, maar die kolom is versleuteld " +
                    "(een willekeurige nonce: geen twee versleutelingen zijn gelijk). Zoek via de blinde index, bijvoorbeeld " +
                    "Where(i => bescherming.Indexen(Nummersoort.Bsn, bsn).Contains(i.BsnIndex)) of .MetBsn(bescherming, bsn); alleen == null en != null mogen.");
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitExtension(Expression node)
        {
            // EF's own nodes (query roots, parameters) mostly have no children to visit and cannot be reduced.
            try
            {
                return base.VisitExtension(node);
            }
            catch (ArgumentException)
            {
                return node;
            }
        }

        /// <summary>A protected column: its property read from a row, not from a value the query was given.</summary>
        private bool IsBeschermd(Expression e)
        {
            if (Kaal(e) is not MemberExpression { Member: PropertyInfo p } m || !leden.Contains((p.DeclaringType!, p.Name))) return false;
            var wortel = m.Expression;
            while (wortel is not null && Kaal(wortel) is MemberExpression binnen) wortel = binnen.Expression;
            return wortel is not null && Kaal(wortel) is not ConstantExpression;
        }

        private static bool IsNull(Expression e) => Kaal(e) is ConstantExpression { Value: null };

        private static Expression Kaal(Expression e)
        {
            while (e is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u) e = u.Operand;
            return e;
        }

        private static Expression Ontquote(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Quote } q ? q.Operand : e;
    }
}
