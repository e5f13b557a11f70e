using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DuoInboxWachtend : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_duo_notificatie_wachtend",
                table: "duo_notificatie",
                columns: new[] { "RegistratieDatumTijd", "Id" },
                filter: "\"Status\" = 'Ontvangen'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_duo_notificatie_wachtend",
                table: "duo_notificatie");
        }
    }
}
