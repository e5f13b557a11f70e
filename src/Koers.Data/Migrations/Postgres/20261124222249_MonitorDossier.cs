using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MonitorDossier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monitor_dossier",
                columns: table => new
                {
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    KlantregisseurId = table.Column<int>(type: "integer", nullable: true),
                    Doelgroep = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Leerroute = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Fase = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Instroom = table.Column<DateOnly>(type: "date", nullable: true),
                    Koppeling = table.Column<DateOnly>(type: "date", nullable: true),
                    Brp = table.Column<DateOnly>(type: "date", nullable: true),
                    Intake = table.Column<DateOnly>(type: "date", nullable: true),
                    Pip = table.Column<DateOnly>(type: "date", nullable: true),
                    StartLeerroute = table.Column<DateOnly>(type: "date", nullable: true),
                    Voldaan = table.Column<DateOnly>(type: "date", nullable: true),
                    Ontheffing = table.Column<DateOnly>(type: "date", nullable: true),
                    Verhuisd = table.Column<DateOnly>(type: "date", nullable: true),
                    Uitgeschreven = table.Column<DateOnly>(type: "date", nullable: true),
                    TermijnEinde = table.Column<DateOnly>(type: "date", nullable: true),
                    LbtScore = table.Column<int>(type: "integer", nullable: true),
                    LbtCesuur = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitor_dossier", x => x.InburgeraarId);
                    table.ForeignKey(
                        name: "FK_monitor_dossier_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_Brp",
                table: "monitor_dossier",
                column: "Brp")
                .Annotation("Npgsql:IndexInclude", new[] { "Koppeling", "Doelgroep", "Voldaan", "TermijnEinde" });

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_Fase_KlantregisseurId",
                table: "monitor_dossier",
                columns: new[] { "Fase", "KlantregisseurId" });

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_GemeenteId",
                table: "monitor_dossier",
                column: "GemeenteId");

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_Instroom_Pip_Voldaan_Verhuisd_Uitgeschreven",
                table: "monitor_dossier",
                columns: new[] { "Instroom", "Pip", "Voldaan", "Verhuisd", "Uitgeschreven" })
                .Annotation("Npgsql:IndexInclude", new[] { "GemeenteId", "Doelgroep" });

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_Intake",
                table: "monitor_dossier",
                column: "Intake")
                .Annotation("Npgsql:IndexInclude", new[] { "Brp" });

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_KlantregisseurId",
                table: "monitor_dossier",
                column: "KlantregisseurId");

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_Ontheffing",
                table: "monitor_dossier",
                column: "Ontheffing",
                filter: "\"Ontheffing\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_Pip",
                table: "monitor_dossier",
                column: "Pip")
                .Annotation("Npgsql:IndexInclude", new[] { "Brp", "Doelgroep", "Leerroute", "LbtScore", "LbtCesuur" });

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_StartLeerroute",
                table: "monitor_dossier",
                column: "StartLeerroute")
                .Annotation("Npgsql:IndexInclude", new[] { "Pip" });

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_Uitgeschreven",
                table: "monitor_dossier",
                column: "Uitgeschreven",
                filter: "\"Uitgeschreven\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_Verhuisd",
                table: "monitor_dossier",
                column: "Verhuisd",
                filter: "\"Verhuisd\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_Voldaan",
                table: "monitor_dossier",
                column: "Voldaan",
                filter: "\"Voldaan\" IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "TermijnEinde" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitor_dossier");
        }
    }
}
