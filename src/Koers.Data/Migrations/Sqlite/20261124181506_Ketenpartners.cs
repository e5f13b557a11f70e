using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ketenpartners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PartnerorganisatieId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "partnerorganisatie",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Naam = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RegioId = table.Column<int>(type: "INTEGER", nullable: false),
                    Contactpersoon = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Telefoon = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Capaciteit = table.Column<int>(type: "INTEGER", nullable: true),
                    Actief = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partnerorganisatie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_partnerorganisatie_regio_RegioId",
                        column: x => x.RegioId,
                        principalTable: "regio",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "examenresultaat",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Onderdeel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Niveau = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Behaald = table.Column<bool>(type: "INTEGER", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: true),
                    Bron = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ExternKenmerk = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PartnerorganisatieId = table.Column<int>(type: "INTEGER", nullable: true),
                    VastgelegdOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_examenresultaat", x => x.Id);
                    table.ForeignKey(
                        name: "FK_examenresultaat_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_examenresultaat_partnerorganisatie_PartnerorganisatieId",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "machtiging",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "INTEGER", nullable: false),
                    Categorieen = table.Column<int>(type: "INTEGER", nullable: false),
                    Van = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Tot = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Vorm = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VastgelegdOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IngetrokkenOp = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IngetrokkenDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RedenIntrekking = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_machtiging", x => x.Id);
                    table.ForeignKey(
                        name: "FK_machtiging_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_machtiging_partnerorganisatie_PartnerorganisatieId",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "urenregistratie",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "INTEGER", nullable: true),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Week = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Uren = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    AfwezigUren = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    AfwezigGemeld = table.Column<bool>(type: "INTEGER", nullable: false),
                    Bron = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VastgelegdOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_urenregistratie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_urenregistratie_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_urenregistratie_partnerorganisatie_PartnerorganisatieId",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PartnerorganisatieId",
                table: "AspNetUsers",
                column: "PartnerorganisatieId");

            migrationBuilder.CreateIndex(
                name: "IX_examenresultaat_Bron_ExternKenmerk",
                table: "examenresultaat",
                columns: new[] { "Bron", "ExternKenmerk" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_examenresultaat_InburgeraarId",
                table: "examenresultaat",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_examenresultaat_PartnerorganisatieId",
                table: "examenresultaat",
                column: "PartnerorganisatieId");

            migrationBuilder.CreateIndex(
                name: "IX_machtiging_InburgeraarId",
                table: "machtiging",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_machtiging_PartnerorganisatieId_InburgeraarId",
                table: "machtiging",
                columns: new[] { "PartnerorganisatieId", "InburgeraarId" });

            migrationBuilder.CreateIndex(
                name: "IX_partnerorganisatie_RegioId",
                table: "partnerorganisatie",
                column: "RegioId");

            migrationBuilder.CreateIndex(
                name: "IX_urenregistratie_InburgeraarId_PartnerorganisatieId_Soort_Week",
                table: "urenregistratie",
                columns: new[] { "InburgeraarId", "PartnerorganisatieId", "Soort", "Week" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_urenregistratie_PartnerorganisatieId",
                table: "urenregistratie",
                column: "PartnerorganisatieId");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_partnerorganisatie_PartnerorganisatieId",
                table: "AspNetUsers",
                column: "PartnerorganisatieId",
                principalTable: "partnerorganisatie",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_partnerorganisatie_PartnerorganisatieId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "examenresultaat");

            migrationBuilder.DropTable(
                name: "machtiging");

            migrationBuilder.DropTable(
                name: "urenregistratie");

            migrationBuilder.DropTable(
                name: "partnerorganisatie");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PartnerorganisatieId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PartnerorganisatieId",
                table: "AspNetUsers");
        }
    }
}
