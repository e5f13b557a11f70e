using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntakeLbtPip : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LaatsteBeschikkingOp",
                table: "inburgeraar",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Afdeling",
                table: "gemeente",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BezwaarAdres",
                table: "gemeente",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Postadres",
                table: "gemeente",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Telefoon",
                table: "gemeente",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Website",
                table: "gemeente",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "brede_intake",
                columns: table => new
                {
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    AfgerondOp = table.Column<DateOnly>(type: "date", nullable: true),
                    AfgerondDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_brede_intake", x => x.InburgeraarId);
                    table.ForeignKey(
                        name: "FK_brede_intake_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "diploma",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Omschrijving = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Land = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Jaar = table.Column<int>(type: "integer", nullable: true),
                    Waardering = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    WaarderingUitkomst = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_diploma", x => x.Id);
                    table.ForeignKey(
                        name: "FK_diploma_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "intakegesprek",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Tolk = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Tolktaal = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Aanwezigen = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NoShow = table.Column<bool>(type: "boolean", nullable: false),
                    Notities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intakegesprek", x => x.Id);
                    table.ForeignKey(
                        name: "FK_intakegesprek_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leefgebied_verslag",
                columns: table => new
                {
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Leefgebied = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AntwoordenJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Notities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leefgebied_verslag", x => new { x.InburgeraarId, x.Leefgebied });
                    table.ForeignKey(
                        name: "FK_leefgebied_verslag_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leerbaarheidstoets",
                columns: table => new
                {
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Aangemeld = table.Column<DateOnly>(type: "date", nullable: true),
                    Afgenomen = table.Column<DateOnly>(type: "date", nullable: true),
                    Afnemer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    CesuurVolgensDuo = table.Column<int>(type: "integer", nullable: true),
                    Overgeslagen = table.Column<bool>(type: "boolean", nullable: false),
                    RedenOverslaan = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Bron = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leerbaarheidstoets", x => x.InburgeraarId);
                    table.ForeignKey(
                        name: "FK_leerbaarheidstoets_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pip_versie",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Versie = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Leerroute = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    InhoudJson = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    Dagtekening = table.Column<DateOnly>(type: "date", nullable: true),
                    RedenBijstelling = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RedenTeLaat = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TeLaat = table.Column<bool>(type: "boolean", nullable: false),
                    VastgesteldDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AangemaaktOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pip_versie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pip_versie_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "beschikking",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    PipVersieId = table.Column<Guid>(type: "uuid", nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Kenmerk = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AangemaaktOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_beschikking", x => x.Id);
                    table.ForeignKey(
                        name: "FK_beschikking_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_beschikking_pip_versie_PipVersieId",
                        column: x => x.PipVersieId,
                        principalTable: "pip_versie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_beschikking_InburgeraarId",
                table: "beschikking",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_beschikking_PipVersieId",
                table: "beschikking",
                column: "PipVersieId");

            migrationBuilder.CreateIndex(
                name: "IX_diploma_InburgeraarId",
                table: "diploma",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_intakegesprek_InburgeraarId",
                table: "intakegesprek",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_pip_versie_InburgeraarId_Versie",
                table: "pip_versie",
                columns: new[] { "InburgeraarId", "Versie" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pip_versie_Status_Leerroute",
                table: "pip_versie",
                columns: new[] { "Status", "Leerroute" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "beschikking");

            migrationBuilder.DropTable(
                name: "brede_intake");

            migrationBuilder.DropTable(
                name: "diploma");

            migrationBuilder.DropTable(
                name: "intakegesprek");

            migrationBuilder.DropTable(
                name: "leefgebied_verslag");

            migrationBuilder.DropTable(
                name: "leerbaarheidstoets");

            migrationBuilder.DropTable(
                name: "pip_versie");

            migrationBuilder.DropColumn(
                name: "LaatsteBeschikkingOp",
                table: "inburgeraar");

            migrationBuilder.DropColumn(
                name: "Afdeling",
                table: "gemeente");

            migrationBuilder.DropColumn(
                name: "BezwaarAdres",
                table: "gemeente");

            migrationBuilder.DropColumn(
                name: "Postadres",
                table: "gemeente");

            migrationBuilder.DropColumn(
                name: "Telefoon",
                table: "gemeente");

            migrationBuilder.DropColumn(
                name: "Website",
                table: "gemeente");
        }
    }
}
