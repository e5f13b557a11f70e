using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnerorganisatieId = table.Column<int>(type: "integer", nullable: false),
                    Onderdeel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Leerroute = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Van = table.Column<DateOnly>(type: "date", nullable: false),
                    Tot = table.Column<DateOnly>(type: "date", nullable: true),
                    Tariefsoort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Prijs = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    Kenmerk = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "integer", nullable: false),
                    Onderdeel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AangemeldOp = table.Column<DateOnly>(type: "date", nullable: false),
                    AangemeldDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Toelichting = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    BeslistOp = table.Column<DateOnly>(type: "date", nullable: true),
                    BeslistDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RedenAfwijzing = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Intakedatum = table.Column<DateOnly>(type: "date", nullable: true),
                    Startdatum = table.Column<DateOnly>(type: "date", nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
