using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Logistiek : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "logistiek_instelling",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    MaxReistijdMinuten = table.Column<int>(type: "integer", nullable: false),
                    VervoerEindeDagen = table.Column<int>(type: "integer", nullable: false),
                    MaxTussenpozeDagen = table.Column<int>(type: "integer", nullable: false),
                    Kernen = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_logistiek_instelling", x => x.Id);
                    table.ForeignKey(
                        name: "FK_logistiek_instelling_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reisprofiel",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Woonkern = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Leslocatie = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReistijdOvMinuten = table.Column<int>(type: "integer", nullable: true),
                    ReistijdFietsMinuten = table.Column<int>(type: "integer", nullable: true),
                    OnmogelijkeDagdelen = table.Column<int>(type: "integer", nullable: false),
                    Redenen = table.Column<int>(type: "integer", nullable: false),
                    Toelichting = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reisprofiel", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reisprofiel_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "vervoersvoorziening",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Soort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Omschrijving = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Van = table.Column<DateOnly>(type: "date", nullable: false),
                    Tot = table.Column<DateOnly>(type: "date", nullable: true),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vervoersvoorziening", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vervoersvoorziening_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_logistiek_instelling_GemeenteId",
                table: "logistiek_instelling",
                column: "GemeenteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reisprofiel_InburgeraarId",
                table: "reisprofiel",
                column: "InburgeraarId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vervoersvoorziening_InburgeraarId_Tot",
                table: "vervoersvoorziening",
                columns: new[] { "InburgeraarId", "Tot" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "logistiek_instelling");

            migrationBuilder.DropTable(
                name: "reisprofiel");

            migrationBuilder.DropTable(
                name: "vervoersvoorziening");
        }
    }
}
