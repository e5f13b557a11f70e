using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaakslotenSchaalIndexen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "taakslot",
                columns: table => new
                {
                    Naam = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Eigenaar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    VerlooptOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LaatstePeriode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LaatstVoltooidOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LaatstVoltooidDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Uitvoeringen = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taakslot", x => x.Naam);
                });

            migrationBuilder.CreateIndex(
                name: "IX_termijn_Code_Vervaldatum",
                table: "termijn",
                columns: new[] { "Code", "Vervaldatum" })
                .Annotation("Npgsql:IndexInclude", new[] { "InburgeraarId", "Toepasselijk", "VoldaanOp" });

            migrationBuilder.CreateIndex(
                name: "IX_mijlpaal_Soort_Datum",
                table: "mijlpaal",
                columns: new[] { "Soort", "Datum" })
                .Annotation("Npgsql:IndexInclude", new[] { "InburgeraarId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "taakslot");

            migrationBuilder.DropIndex(
                name: "IX_termijn_Code_Vervaldatum",
                table: "termijn");

            migrationBuilder.DropIndex(
                name: "IX_mijlpaal_Soort_Datum",
                table: "mijlpaal");
        }
    }
}
