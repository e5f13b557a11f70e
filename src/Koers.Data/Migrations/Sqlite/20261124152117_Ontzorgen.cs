using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ontzorgen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ontzorgen_beleid",
                columns: table => new
                {
                    GemeenteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Benadering = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Huur = table.Column<bool>(type: "INTEGER", nullable: false),
                    GasEnStroom = table.Column<bool>(type: "INTEGER", nullable: false),
                    Water = table.Column<bool>(type: "INTEGER", nullable: false),
                    Zorgverzekering = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverigeLasten = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VerlengenToegestaan = table.Column<bool>(type: "INTEGER", nullable: false),
                    TrainingAanbod = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DebiteurNaam = table.Column<string>(type: "TEXT", maxLength: 70, nullable: false),
                    DebiteurIban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: true),
                    DebiteurBic = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ontzorgen_beleid", x => x.GemeenteId);
                    table.ForeignKey(
                        name: "FK_ontzorgen_beleid_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ontzorgen_betaalrun",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GemeenteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Maand = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Volgnummer = table.Column<int>(type: "INTEGER", nullable: false),
                    MsgId = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    Uitvoerdatum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AantalTransacties = table.Column<int>(type: "INTEGER", nullable: false),
                    Totaal = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    DebiteurNaam = table.Column<string>(type: "TEXT", maxLength: 70, nullable: false),
                    DebiteurIban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: false),
                    DebiteurBic = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    Xml = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AangemaaktOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ontzorgen_betaalrun", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ontzorgen_betaalrun_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ontzorgen_betaling",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Omschrijving = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Naam = table.Column<string>(type: "TEXT", maxLength: 70, nullable: false),
                    Iban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: false),
                    Bic = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    Betalingskenmerk = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BedragPerMaand = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    Vanaf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Tot = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Verwijderd = table.Column<bool>(type: "INTEGER", nullable: false),
                    AangemaaktOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ontzorgen_betaling", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ontzorgen_betaling_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ontzorgen_evaluatie",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Gehouden = table.Column<bool>(type: "INTEGER", nullable: false),
                    Verslag = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ontzorgen_evaluatie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ontzorgen_evaluatie_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ontzorging",
                columns: table => new
                {
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Besluit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Reden = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Besluitdatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VerlengdTot = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TrainingNaam = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TrainingGepland = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TrainingAfgerond = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Afspraken = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OverdrachtAan = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SchuldenGesignaleerd = table.Column<bool>(type: "INTEGER", nullable: false),
                    SchuldenOp = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SchuldenNotitie = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SchuldenAfgehandeldOp = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ontzorging", x => x.InburgeraarId);
                    table.ForeignKey(
                        name: "FK_ontzorging_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ontzorgen_betaalregel",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BetaalrunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GemeenteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Maand = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BetalingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CrediteurNaam = table.Column<string>(type: "TEXT", maxLength: 70, nullable: false),
                    Iban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: false),
                    Bic = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    Omschrijving = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    EndToEndId = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    Bedrag = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    BedragPerMaand = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    Van = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Tot = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Dagen = table.Column<int>(type: "INTEGER", nullable: false),
                    DagenInMaand = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ontzorgen_betaalregel", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ontzorgen_betaalregel_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ontzorgen_betaalregel_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ontzorgen_betaalregel_ontzorgen_betaalrun_BetaalrunId",
                        column: x => x.BetaalrunId,
                        principalTable: "ontzorgen_betaalrun",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ontzorgen_betaalregel_ontzorgen_betaling_BetalingId",
                        column: x => x.BetalingId,
                        principalTable: "ontzorgen_betaling",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ontzorgen_betaalregel_BetaalrunId",
                table: "ontzorgen_betaalregel",
                column: "BetaalrunId");

            migrationBuilder.CreateIndex(
                name: "IX_ontzorgen_betaalregel_BetalingId",
                table: "ontzorgen_betaalregel",
                column: "BetalingId");

            migrationBuilder.CreateIndex(
                name: "IX_ontzorgen_betaalregel_GemeenteId_Maand_InburgeraarId_BetalingId",
                table: "ontzorgen_betaalregel",
                columns: new[] { "GemeenteId", "Maand", "InburgeraarId", "BetalingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ontzorgen_betaalregel_InburgeraarId",
                table: "ontzorgen_betaalregel",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_ontzorgen_betaalrun_GemeenteId_Maand_Volgnummer",
                table: "ontzorgen_betaalrun",
                columns: new[] { "GemeenteId", "Maand", "Volgnummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ontzorgen_betaalrun_MsgId",
                table: "ontzorgen_betaalrun",
                column: "MsgId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ontzorgen_betaling_InburgeraarId",
                table: "ontzorgen_betaling",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_ontzorgen_evaluatie_InburgeraarId",
                table: "ontzorgen_evaluatie",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_ontzorging_SchuldenGesignaleerd",
                table: "ontzorging",
                column: "SchuldenGesignaleerd");

            migrationBuilder.CreateIndex(
                name: "IX_ontzorging_VerlengdTot",
                table: "ontzorging",
                column: "VerlengdTot");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ontzorgen_beleid");

            migrationBuilder.DropTable(
                name: "ontzorgen_betaalregel");

            migrationBuilder.DropTable(
                name: "ontzorgen_evaluatie");

            migrationBuilder.DropTable(
                name: "ontzorging");

            migrationBuilder.DropTable(
                name: "ontzorgen_betaalrun");

            migrationBuilder.DropTable(
                name: "ontzorgen_betaling");
        }
    }
}
