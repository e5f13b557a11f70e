using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Voortgang : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "urenupload",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "INTEGER", nullable: false),
                    Bestandsnaam = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Regels = table.Column<int>(type: "INTEGER", nullable: false),
                    Toegevoegd = table.Column<int>(type: "INTEGER", nullable: false),
                    Bijgewerkt = table.Column<int>(type: "INTEGER", nullable: false),
                    Ongewijzigd = table.Column<int>(type: "INTEGER", nullable: false),
                    Fouten = table.Column<int>(type: "INTEGER", nullable: false),
                    FoutenCsv = table.Column<string>(type: "TEXT", nullable: false),
                    Op = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Door = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_urenupload", x => x.Id);
                    table.ForeignKey(
                        name: "FK_urenupload_partnerorganisatie_PartnerorganisatieId",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vaardigheidsvoortgang",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "INTEGER", nullable: true),
                    Vaardigheid = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Niveau = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Notitie = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Bron = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VastgelegdOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vaardigheidsvoortgang", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vaardigheidsvoortgang_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_vaardigheidsvoortgang_partnerorganisatie_PartnerorganisatieId",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voortgangsgesprek",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GeplandOp = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Aanwezigen = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Verslag = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    VastgelegdOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voortgangsgesprek", x => x.Id);
                    table.ForeignKey(
                        name: "FK_voortgangsgesprek_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "voortgangssignaal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "INTEGER", nullable: true),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Notitie = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Bron = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VastgelegdOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AfgehandeldOp = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AfgehandeldDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Afhandeling = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voortgangssignaal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_voortgangssignaal_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_voortgangssignaal_partnerorganisatie_PartnerorganisatieId",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voortgangsafspraak",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VoortgangsgesprekId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Omschrijving = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Eigenaar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Uiterlijk = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Gedaan = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voortgangsafspraak", x => x.Id);
                    table.ForeignKey(
                        name: "FK_voortgangsafspraak_voortgangsgesprek_VoortgangsgesprekId",
                        column: x => x.VoortgangsgesprekId,
                        principalTable: "voortgangsgesprek",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_urenupload_PartnerorganisatieId_Op",
                table: "urenupload",
                columns: new[] { "PartnerorganisatieId", "Op" });

            migrationBuilder.CreateIndex(
                name: "IX_vaardigheidsvoortgang_InburgeraarId_Vaardigheid_Datum",
                table: "vaardigheidsvoortgang",
                columns: new[] { "InburgeraarId", "Vaardigheid", "Datum" });

            migrationBuilder.CreateIndex(
                name: "IX_vaardigheidsvoortgang_PartnerorganisatieId",
                table: "vaardigheidsvoortgang",
                column: "PartnerorganisatieId");

            migrationBuilder.CreateIndex(
                name: "IX_voortgangsafspraak_VoortgangsgesprekId",
                table: "voortgangsafspraak",
                column: "VoortgangsgesprekId");

            migrationBuilder.CreateIndex(
                name: "IX_voortgangsgesprek_InburgeraarId",
                table: "voortgangsgesprek",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_voortgangssignaal_InburgeraarId_AfgehandeldOp",
                table: "voortgangssignaal",
                columns: new[] { "InburgeraarId", "AfgehandeldOp" });

            migrationBuilder.CreateIndex(
                name: "IX_voortgangssignaal_PartnerorganisatieId",
                table: "voortgangssignaal",
                column: "PartnerorganisatieId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "urenupload");

            migrationBuilder.DropTable(
                name: "vaardigheidsvoortgang");

            migrationBuilder.DropTable(
                name: "voortgangsafspraak");

            migrationBuilder.DropTable(
                name: "voortgangssignaal");

            migrationBuilder.DropTable(
                name: "voortgangsgesprek");
        }
    }
}
