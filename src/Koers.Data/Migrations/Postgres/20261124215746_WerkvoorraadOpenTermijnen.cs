using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WerkvoorraadOpenTermijnen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_termijn_open",
                table: "termijn",
                column: "InburgeraarId",
                filter: "\"Toepasselijk\" AND \"VoldaanOp\" IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "Code", "Soort", "Vervaldatum" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_termijn_open",
                table: "termijn");
        }
    }
}
