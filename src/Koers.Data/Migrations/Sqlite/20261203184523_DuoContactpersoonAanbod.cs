using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DuoContactpersoonId",
                table: "medewerker",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Telefoon",
                table: "medewerker",
                type: "TEXT",
                maxLength: 22,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DuoContactpersoonGemeld",
                table: "inburgeraar",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inburgeringsaanbod",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "INTEGER", nullable: false),
                    VerwijzingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Instellingsnummer = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DatumAanbod = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VerwachteStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VerwachteEinde = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Alfabetisering = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    GemeldOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GemeldDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IngetrokkenOp = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IngetrokkenDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
