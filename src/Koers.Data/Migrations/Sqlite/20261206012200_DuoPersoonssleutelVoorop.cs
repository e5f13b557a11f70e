using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DuoPersoonssleutelVoorop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_duo_notificatie_Status_Persoonssleutel_RegistratieDatumTijd",
                table: "duo_notificatie");

            migrationBuilder.CreateIndex(
                name: "IX_duo_notificatie_Persoonssleutel_Status_RegistratieDatumTijd",
                table: "duo_notificatie",
                columns: new[] { "Persoonssleutel", "Status", "RegistratieDatumTijd" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_duo_notificatie_Persoonssleutel_Status_RegistratieDatumTijd",
                table: "duo_notificatie");

            migrationBuilder.CreateIndex(
                name: "IX_duo_notificatie_Status_Persoonssleutel_RegistratieDatumTijd",
                table: "duo_notificatie",
                columns: new[] { "Status", "Persoonssleutel", "RegistratieDatumTijd" });
        }
    }
}
