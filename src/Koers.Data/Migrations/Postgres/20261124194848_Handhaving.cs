using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Handhaving : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "afsluiting",
                columns: table => new
                {
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Toelichting = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Ontheffingsgrond = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    NieuweGemeente = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Op = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_afsluiting", x => x.InburgeraarId);
                    table.ForeignKey(
                        name: "FK_afsluiting_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "eindgesprek",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Verslag = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Behaald = table.Column<bool>(type: "boolean", nullable: false),
                    Door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Op = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eindgesprek", x => x.Id);
                    table.ForeignKey(
                        name: "FK_eindgesprek_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "handhaving_ladderstap",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    Volgorde = table.Column<int>(type: "integer", nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Brieftekst = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ReactietermijnDagen = table.Column<int>(type: "integer", nullable: false),
                    Bedrag = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handhaving_ladderstap", x => x.Id);
                    table.ForeignKey(
                        name: "FK_handhaving_ladderstap_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tekortkoming",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Verplichting = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Omschrijving = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AfgeslotenOp = table.Column<DateOnly>(type: "date", nullable: true),
                    AfgeslotenDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RedenAfsluiting = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tekortkoming", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tekortkoming_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "verlengingsaanvraag",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    AangevraagdOp = table.Column<DateOnly>(type: "date", nullable: false),
                    Reden = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    GevraagdTot = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BesluitOp = table.Column<DateOnly>(type: "date", nullable: true),
                    ToegekendTot = table.Column<DateOnly>(type: "date", nullable: true),
                    Door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Op = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verlengingsaanvraag", x => x.Id);
                    table.ForeignKey(
                        name: "FK_verlengingsaanvraag_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "handhavingsbesluit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TekortkomingId = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Volgorde = table.Column<int>(type: "integer", nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Stapnaam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Overgeslagen = table.Column<bool>(type: "boolean", nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Reden = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReactieUiterlijk = table.Column<DateOnly>(type: "date", nullable: true),
                    Bedrag = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    BevestigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Uitkomst = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UitkomstOp = table.Column<DateOnly>(type: "date", nullable: true),
                    Kenmerk = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Pdf = table.Column<byte[]>(type: "bytea", nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Op = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handhavingsbesluit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_handhavingsbesluit_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_handhavingsbesluit_tekortkoming_TekortkomingId",
                        column: x => x.TekortkomingId,
                        principalTable: "tekortkoming",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_eindgesprek_InburgeraarId",
                table: "eindgesprek",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_handhaving_ladderstap_GemeenteId_Volgorde",
                table: "handhaving_ladderstap",
                columns: new[] { "GemeenteId", "Volgorde" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_handhavingsbesluit_InburgeraarId",
                table: "handhavingsbesluit",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_handhavingsbesluit_ReactieUiterlijk_UitkomstOp",
                table: "handhavingsbesluit",
                columns: new[] { "ReactieUiterlijk", "UitkomstOp" });

            migrationBuilder.CreateIndex(
                name: "IX_handhavingsbesluit_TekortkomingId",
                table: "handhavingsbesluit",
                column: "TekortkomingId");

            migrationBuilder.CreateIndex(
                name: "IX_tekortkoming_InburgeraarId",
                table: "tekortkoming",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_verlengingsaanvraag_InburgeraarId",
                table: "verlengingsaanvraag",
                column: "InburgeraarId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "afsluiting");

            migrationBuilder.DropTable(
                name: "eindgesprek");

            migrationBuilder.DropTable(
                name: "handhaving_ladderstap");

            migrationBuilder.DropTable(
                name: "handhavingsbesluit");

            migrationBuilder.DropTable(
                name: "verlengingsaanvraag");

            migrationBuilder.DropTable(
                name: "tekortkoming");
        }
    }
}
