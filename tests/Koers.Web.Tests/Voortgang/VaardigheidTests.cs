using PipVaardigheid = Koers.Domain.Pip.Vaardigheid;
using VoortgangVaardigheid = Koers.Data.Model.Keten.Vaardigheid;

namespace Koers.Web.Tests.Voortgang;

/// <summary>
/// The progress skills (stored as strings) are the PIP's language skills plus KNM: a skill added to the PIP must
/// also be reportable, and a stored name must never change.
/// </summary>
public sealed class VaardigheidTests
{
    [Fact]
    public void Voortgangsvaardigheden_zijn_de_pip_vaardigheden_plus_knm()
    {
        Assert.Equal([.. Enum.GetNames<PipVaardigheid>(), "Knm"], Enum.GetNames<VoortgangVaardigheid>());
        foreach (var v in Enum.GetValues<PipVaardigheid>())
        {
            Assert.Equal(v.ToString(), ((VoortgangVaardigheid)(int)v).ToString());
        }
    }
}
