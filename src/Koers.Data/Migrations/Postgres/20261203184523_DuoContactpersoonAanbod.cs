using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DuoContactpersoonAanbod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DuoInstellingsnummer",
                table: "partnerorganisatie",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DuoContactpersoonId",
                table: "medewerker",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Telefoon",
                table: "medewerker",
                type: "character varying(22)",
                maxLength: 22,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DuoContactpersoonGemeld",
                table: "inburgeraar",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inburgeringsaanbod",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "integer", nullable: false),
                    VerwijzingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Instellingsnummer = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DatumAanbod = table.Column<DateOnly>(type: "date", nullable: false),
                    VerwachteStart = table.Column<DateOnly>(type: "date", nullable: true),
                    VerwachteEinde = table.Column<DateOnly>(type: "date", nullable: true),
                    Alfabetisering = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    GemeldOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GemeldDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IngetrokkenOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IngetrokkenDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inburgeringsaanbod", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inburgeringsaanbod_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_inburgeringsaanbod_partnerorganisatie_PartnerorganisatieId",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inburgeringsaanbod_InburgeraarId",
                table: "inburgeringsaanbod",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_inburgeringsaanbod_PartnerorganisatieId",
                table: "inburgeringsaanbod",
                column: "PartnerorganisatieId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inburgeringsaanbod");

            migrationBuilder.DropColumn(
                name: "DuoInstellingsnummer",
                table: "partnerorganisatie");

            migrationBuilder.DropColumn(
                name: "DuoContactpersoonId",
                table: "medewerker");

            migrationBuilder.DropColumn(
                name: "Telefoon",
                table: "medewerker");

            migrationBuilder.DropColumn(
                name: "DuoContactpersoonGemeld",
                table: "inburgeraar");
        }
    }
}
