using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
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
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    Benadering = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Huur = table.Column<bool>(type: "boolean", nullable: false),
                    GasEnStroom = table.Column<bool>(type: "boolean", nullable: false),
                    Water = table.Column<bool>(type: "boolean", nullable: false),
                    Zorgverzekering = table.Column<bool>(type: "boolean", nullable: false),
                    OverigeLasten = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    VerlengenToegestaan = table.Column<bool>(type: "boolean", nullable: false),
                    TrainingAanbod = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DebiteurNaam = table.Column<string>(type: "character varying(70)", maxLength: 70, nullable: false),
                    DebiteurIban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: true),
                    DebiteurBic = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    Maand = table.Column<DateOnly>(type: "date", nullable: false),
                    Volgnummer = table.Column<int>(type: "integer", nullable: false),
                    MsgId = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Uitvoerdatum = table.Column<DateOnly>(type: "date", nullable: false),
                    AantalTransacties = table.Column<int>(type: "integer", nullable: false),
                    Totaal = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    DebiteurNaam = table.Column<string>(type: "character varying(70)", maxLength: 70, nullable: false),
                    DebiteurIban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    DebiteurBic = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    Xml = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AangemaaktOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Omschrijving = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Naam = table.Column<string>(type: "character varying(70)", maxLength: 70, nullable: false),
                    Iban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    Bic = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    Betalingskenmerk = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BedragPerMaand = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    Vanaf = table.Column<DateOnly>(type: "date", nullable: true),
                    Tot = table.Column<DateOnly>(type: "date", nullable: true),
                    Verwijderd = table.Column<bool>(type: "boolean", nullable: false),
                    AangemaaktOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Gehouden = table.Column<bool>(type: "boolean", nullable: false),
                    Verslag = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Besluit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Reden = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Besluitdatum = table.Column<DateOnly>(type: "date", nullable: true),
                    VerlengdTot = table.Column<DateOnly>(type: "date", nullable: true),
                    TrainingNaam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TrainingGepland = table.Column<DateOnly>(type: "date", nullable: true),
                    TrainingAfgerond = table.Column<DateOnly>(type: "date", nullable: true),
                    Afspraken = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OverdrachtAan = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SchuldenGesignaleerd = table.Column<bool>(type: "boolean", nullable: false),
                    SchuldenOp = table.Column<DateOnly>(type: "date", nullable: true),
                    SchuldenNotitie = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SchuldenAfgehandeldOp = table.Column<DateOnly>(type: "date", nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BetaalrunId = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    Maand = table.Column<DateOnly>(type: "date", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    BetalingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CrediteurNaam = table.Column<string>(type: "character varying(70)", maxLength: 70, nullable: false),
                    Iban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    Bic = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    Omschrijving = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    EndToEndId = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Bedrag = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    BedragPerMaand = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    Van = table.Column<DateOnly>(type: "date", nullable: false),
                    Tot = table.Column<DateOnly>(type: "date", nullable: false),
                    Dagen = table.Column<int>(type: "integer", nullable: false),
                    DagenInMaand = table.Column<int>(type: "integer", nullable: false)
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
                name: "IX_ontzorgen_betaalregel_GemeenteId_Maand_InburgeraarId_Betali~",
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
