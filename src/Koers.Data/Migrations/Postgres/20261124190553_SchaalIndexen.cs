using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SchaalIndexen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
            migrationBuilder.DropIndex(
                name: "IX_termijn_Code_Vervaldatum",
                table: "termijn");

            migrationBuilder.DropIndex(
                name: "IX_mijlpaal_Soort_Datum",
                table: "mijlpaal");
        }
    }
}
