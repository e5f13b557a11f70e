using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MonitorPipUiterlijk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_monitor_dossier_Pip",
                table: "monitor_dossier");

            migrationBuilder.AddColumn<DateOnly>(
                name: "PipUiterlijk",
                table: "monitor_dossier",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_Pip",
                table: "monitor_dossier",
                column: "Pip")
                .Annotation("Npgsql:IndexInclude", new[] { "Brp", "Doelgroep", "Leerroute", "LbtScore", "LbtCesuur", "PipUiterlijk" });

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_PipUiterlijk",
                table: "monitor_dossier",
                column: "PipUiterlijk")
                .Annotation("Npgsql:IndexInclude", new[] { "Pip", "Doelgroep" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_monitor_dossier_Pip",
                table: "monitor_dossier");

            migrationBuilder.DropIndex(
                name: "IX_monitor_dossier_PipUiterlijk",
                table: "monitor_dossier");

            migrationBuilder.DropColumn(
                name: "PipUiterlijk",
                table: "monitor_dossier");

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_Pip",
                table: "monitor_dossier",
                column: "Pip")
                .Annotation("Npgsql:IndexInclude", new[] { "Brp", "Doelgroep", "Leerroute", "LbtScore", "LbtCesuur" });
        }
    }
}
