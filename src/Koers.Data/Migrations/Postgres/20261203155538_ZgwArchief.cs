using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ZgwArchief : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "zgw_opdracht",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Soort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Sleutel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Fase = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DocumentBron = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    GebeurdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Pogingen = table.Column<int>(type: "integer", nullable: false),
                    VolgendePogingOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BezigSinds = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Melding = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AangemaaktOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VerwerktOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zgw_opdracht", x => x.Id);
                    table.ForeignKey(
                        name: "FK_zgw_opdracht_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "zgw_zaak",
                columns: table => new
                {
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Identificatie = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AangemaaktOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Einddatum = table.Column<DateOnly>(type: "date", nullable: true),
                    Archiefnominatie = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Archiefactiedatum = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zgw_zaak", x => x.InburgeraarId);
                    table.ForeignKey(
                        name: "FK_zgw_zaak_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_zgw_opdracht_InburgeraarId_Id",
                table: "zgw_opdracht",
                columns: new[] { "InburgeraarId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_zgw_opdracht_Sleutel",
                table: "zgw_opdracht",
                column: "Sleutel",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_zgw_opdracht_Status_Id",
                table: "zgw_opdracht",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "zgw_opdracht");

            migrationBuilder.DropTable(
                name: "zgw_zaak");
        }
    }
}
