using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "integer", nullable: false),
                    Bestandsnaam = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Regels = table.Column<int>(type: "integer", nullable: false),
                    Toegevoegd = table.Column<int>(type: "integer", nullable: false),
                    Bijgewerkt = table.Column<int>(type: "integer", nullable: false),
                    Ongewijzigd = table.Column<int>(type: "integer", nullable: false),
                    Fouten = table.Column<int>(type: "integer", nullable: false),
                    FoutenCsv = table.Column<string>(type: "text", nullable: false),
                    Op = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "integer", nullable: true),
                    Vaardigheid = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Niveau = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Notitie = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Bron = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                        name: "FK_vaardigheidsvoortgang_partnerorganisatie_Partnerorganisatie~",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voortgangsgesprek",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    GeplandOp = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: true),
                    Aanwezigen = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Verslag = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "integer", nullable: true),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Notitie = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Bron = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AfgehandeldOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AfgehandeldDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Afhandeling = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VoortgangsgesprekId = table.Column<Guid>(type: "uuid", nullable: false),
                    Omschrijving = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Eigenaar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Uiterlijk = table.Column<DateOnly>(type: "date", nullable: true),
                    Gedaan = table.Column<bool>(type: "boolean", nullable: false)
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
