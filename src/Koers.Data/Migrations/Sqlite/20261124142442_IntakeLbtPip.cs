using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Afdeling",
                table: "gemeente",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BezwaarAdres",
                table: "gemeente",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Postadres",
                table: "gemeente",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Telefoon",
                table: "gemeente",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Website",
                table: "gemeente",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "brede_intake",
                columns: table => new
                {
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AfgerondOp = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AfgerondDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Omschrijving = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Land = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Jaar = table.Column<int>(type: "INTEGER", nullable: true),
                    Waardering = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WaarderingUitkomst = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Tolk = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Tolktaal = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Aanwezigen = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NoShow = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notities = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VastgelegdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VastgelegdOp = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Leefgebied = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AntwoordenJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Notities = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    GewijzigdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Aangemeld = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Afgenomen = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Afnemer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    CesuurVolgensDuo = table.Column<int>(type: "INTEGER", nullable: true),
                    Overgeslagen = table.Column<bool>(type: "INTEGER", nullable: false),
                    RedenOverslaan = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Bron = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Versie = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Leerroute = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    InhoudJson = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    Dagtekening = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RedenBijstelling = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RedenTeLaat = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TeLaat = table.Column<bool>(type: "INTEGER", nullable: false),
                    VastgesteldDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AangemaaktOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PipVersieId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kenmerk = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AangemaaktOp = table.Column<DateTime>(type: "TEXT", nullable: false)
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
