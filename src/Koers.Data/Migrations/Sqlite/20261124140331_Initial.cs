using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Op = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Gebruiker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Actie = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Omschrijving = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mijlpaal_wijziging",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OudeDatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NieuweDatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Door = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Op = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reden = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mijlpaal_wijziging", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "regio",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Naam = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regio", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "termijn_wijziging",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OudeVervaldatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NieuweVervaldatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Aanleiding = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Op = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_termijn_wijziging", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gemeente",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Naam = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegioId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoortgangsgesprekIntervalMaanden = table.Column<int>(type: "INTEGER", nullable: false),
                    HercontactIntervalMaanden = table.Column<int>(type: "INTEGER", nullable: false),
                    OntzorgenMaanden = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gemeente", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gemeente_regio_RegioId",
                        column: x => x.RegioId,
                        principalTable: "regio",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "team",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Naam = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegioId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_team", x => x.Id);
                    table.ForeignKey(
                        name: "FK_team_regio_RegioId",
                        column: x => x.RegioId,
                        principalTable: "regio",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "medewerker",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Naam = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_medewerker", x => x.Id);
                    table.ForeignKey(
                        name: "FK_medewerker_team_TeamId",
                        column: x => x.TeamId,
                        principalTable: "team",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inburgeraar",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Voornamen = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Achternaam = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Geboortedatum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Bsn = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    VNummer = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Nationaliteit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Talen = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Doelgroep = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GemeenteId = table.Column<int>(type: "INTEGER", nullable: false),
                    KlantregisseurId = table.Column<int>(type: "INTEGER", nullable: true),
                    Telefoon = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Adres = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AzcLocatie = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NogNietStartklaar = table.Column<bool>(type: "INTEGER", nullable: false),
                    Leerroute = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Bron = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Fase = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AangemaaktOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inburgeraar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inburgeraar_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_inburgeraar_medewerker_KlantregisseurId",
                        column: x => x.KlantregisseurId,
                        principalTable: "medewerker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "gezinslid",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Naam = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Geboortedatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Relatie = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GekoppeldDossierId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gezinslid", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gezinslid_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mijlpaal",
                columns: table => new
                {
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mijlpaal", x => new { x.InburgeraarId, x.Soort });
                    table.ForeignKey(
                        name: "FK_mijlpaal_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "termijn",
                columns: table => new
                {
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Toepasselijk = table.Column<bool>(type: "INTEGER", nullable: false),
                    Startdatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Vervaldatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VoldaanOp = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Toelichting = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_termijn", x => new { x.InburgeraarId, x.Code });
                    table.ForeignKey(
                        name: "FK_termijn_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_InburgeraarId",
                table: "audit",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_Op",
                table: "audit",
                column: "Op");

            migrationBuilder.CreateIndex(
                name: "IX_gemeente_Code",
                table: "gemeente",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gemeente_RegioId",
                table: "gemeente",
                column: "RegioId");

            migrationBuilder.CreateIndex(
                name: "IX_gezinslid_InburgeraarId",
                table: "gezinslid",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_inburgeraar_Achternaam",
                table: "inburgeraar",
                column: "Achternaam");

            migrationBuilder.CreateIndex(
                name: "IX_inburgeraar_Bsn",
                table: "inburgeraar",
                column: "Bsn");

            migrationBuilder.CreateIndex(
                name: "IX_inburgeraar_GemeenteId_Fase",
                table: "inburgeraar",
                columns: new[] { "GemeenteId", "Fase" });

            migrationBuilder.CreateIndex(
                name: "IX_inburgeraar_KlantregisseurId",
                table: "inburgeraar",
                column: "KlantregisseurId");

            migrationBuilder.CreateIndex(
                name: "IX_inburgeraar_VNummer",
                table: "inburgeraar",
                column: "VNummer");

            migrationBuilder.CreateIndex(
                name: "IX_medewerker_TeamId",
                table: "medewerker",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_mijlpaal_wijziging_InburgeraarId",
                table: "mijlpaal_wijziging",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_team_RegioId",
                table: "team",
                column: "RegioId");

            migrationBuilder.CreateIndex(
                name: "IX_termijn_Toepasselijk_Vervaldatum",
                table: "termijn",
                columns: new[] { "Toepasselijk", "Vervaldatum" });

            migrationBuilder.CreateIndex(
                name: "IX_termijn_wijziging_InburgeraarId",
                table: "termijn_wijziging",
                column: "InburgeraarId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit");

            migrationBuilder.DropTable(
                name: "gezinslid");

            migrationBuilder.DropTable(
                name: "mijlpaal");

            migrationBuilder.DropTable(
                name: "mijlpaal_wijziging");

            migrationBuilder.DropTable(
                name: "termijn");

            migrationBuilder.DropTable(
                name: "termijn_wijziging");

            migrationBuilder.DropTable(
                name: "inburgeraar");

            migrationBuilder.DropTable(
                name: "gemeente");

            migrationBuilder.DropTable(
                name: "medewerker");

            migrationBuilder.DropTable(
                name: "team");

            migrationBuilder.DropTable(
                name: "regio");
        }
    }
}
