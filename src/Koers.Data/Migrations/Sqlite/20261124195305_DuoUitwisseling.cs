using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DuoUitwisseling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "duo_notificatie",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BerichtId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GebeurtenisId = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    RegistratieDatumTijd = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Bsn = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    VNummer = table.Column<long>(type: "INTEGER", nullable: true),
                    Persoonssleutel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Afzender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OntvangenOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Pogingen = table.Column<int>(type: "INTEGER", nullable: false),
                    VolgendePogingOp = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LaatsteFout = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VerwerktOp = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Resultaat = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AfgehandeldDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duo_notificatie", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "duo_uitgaand_bericht",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Pad = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Methode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    InhoudJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Omschrijving = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Pogingen = table.Column<int>(type: "INTEGER", nullable: false),
                    VolgendePogingOp = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Antwoordcode = table.Column<int>(type: "INTEGER", nullable: true),
                    Melding = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AangemaaktOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VerzondenOp = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duo_uitgaand_bericht", x => x.Id);
                    table.ForeignKey(
                        name: "FK_duo_uitgaand_bericht_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_duo_notificatie_BerichtId",
                table: "duo_notificatie",
                column: "BerichtId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_duo_notificatie_InburgeraarId",
                table: "duo_notificatie",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_duo_notificatie_Status_Persoonssleutel_RegistratieDatumTijd",
                table: "duo_notificatie",
                columns: new[] { "Status", "Persoonssleutel", "RegistratieDatumTijd" });

            migrationBuilder.CreateIndex(
                name: "IX_duo_uitgaand_bericht_InburgeraarId",
                table: "duo_uitgaand_bericht",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_duo_uitgaand_bericht_Status_AangemaaktOp",
                table: "duo_uitgaand_bericht",
                columns: new[] { "Status", "AangemaaktOp" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "duo_notificatie");

            migrationBuilder.DropTable(
                name: "duo_uitgaand_bericht");
        }
    }
}
