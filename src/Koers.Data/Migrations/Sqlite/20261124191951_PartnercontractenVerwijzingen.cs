using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnercontractenVerwijzingen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "partnercontract",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnerorganisatieId = table.Column<int>(type: "INTEGER", nullable: false),
                    Onderdeel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Leerroute = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Van = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Tot = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Tariefsoort = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Prijs = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    Kenmerk = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partnercontract", x => x.Id);
                    table.ForeignKey(
                        name: "FK_partnercontract_partnerorganisatie_PartnerorganisatieId",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "verwijzing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "INTEGER", nullable: false),
                    Onderdeel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AangemeldOp = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AangemeldDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Toelichting = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BeslistOp = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BeslistDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RedenAfwijzing = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Intakedatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Startdatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verwijzing", x => x.Id);
                    table.ForeignKey(
                        name: "FK_verwijzing_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_verwijzing_partnerorganisatie_PartnerorganisatieId",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_partnercontract_PartnerorganisatieId",
                table: "partnercontract",
                column: "PartnerorganisatieId");

            migrationBuilder.CreateIndex(
                name: "IX_verwijzing_InburgeraarId",
                table: "verwijzing",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_verwijzing_PartnerorganisatieId_Status",
                table: "verwijzing",
                columns: new[] { "PartnerorganisatieId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partnercontract");

            migrationBuilder.DropTable(
                name: "verwijzing");
        }
    }
}
