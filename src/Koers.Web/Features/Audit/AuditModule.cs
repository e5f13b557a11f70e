using Koers.Web.Features.Beveiliging;
using Koers.Web.Infrastructure.Modules;

namespace Koers.Web.Features.Audit;

/// <summary>The audit trail: every read and change, sealed in a hash chain, searchable by the auditor.</summary>
public sealed class AuditModule : IKoersModule
{
    public void Diensten(ModuleDiensten d)
    {
        d.Services.AddAudit();
    }

    public void Paginas(PaginaToegang p)
    {
        p.MetBeleid("Index", Beleid.Audit);
    }

    public void Api(ModuleRoutes r)
    {
        r.Api.MapAuditApi();
    }
}
