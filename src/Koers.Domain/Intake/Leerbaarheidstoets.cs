namespace Koers.Domain.Intake;

/// <summary>What the test result means for the route: DUO reports only whether the B1-route is feasible.</summary>
public enum LbtUitkomst
{
    B1Haalbaar,
    B1NietHaalbaar,
    Onbekend,
}

/// <summary>The facts of one leerbaarheidstoets as recorded by the municipality or reported by DUO.</summary>
public sealed record LbtFeiten
{
    public DateOnly? Aangemeld { get; init; }
    public DateOnly? Afgenomen { get; init; }
    public string? Afnemer { get; init; }

    /// <summary>Correct answers out of 40.</summary>
    public int? Score { get; init; }

    /// <summary>The pass mark DUO reported with the result (benodigdeScore); wins over the table when present.</summary>
    public int? CesuurVolgensDuo { get; init; }

    public bool Overgeslagen { get; init; }
    public string? RedenOverslaan { get; init; }
}
