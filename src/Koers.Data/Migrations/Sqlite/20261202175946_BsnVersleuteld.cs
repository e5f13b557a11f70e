using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BsnVersleuteld : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inburgeraar_Bsn",
                table: "inburgeraar");

            migrationBuilder.DropIndex(
                name: "IX_inburgeraar_VNummer",
                table: "inburgeraar");

            migrationBuilder.AddColumn<string>(
                name: "BsnIndex",
                table: "inburgeraar",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VNummerIndex",
                table: "inburgeraar",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "VNummer",
                table: "duo_notificatie",
                type: "TEXT",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_inburgeraar_BsnIndex",
                table: "inburgeraar",
                column: "BsnIndex");

            migrationBuilder.CreateIndex(
                name: "IX_inburgeraar_VNummerIndex",
                table: "inburgeraar",
                column: "VNummerIndex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inburgeraar_BsnIndex",
                table: "inburgeraar");

            migrationBuilder.DropIndex(
                name: "IX_inburgeraar_VNummerIndex",
                table: "inburgeraar");

            migrationBuilder.DropColumn(
                name: "BsnIndex",
                table: "inburgeraar");

            migrationBuilder.DropColumn(
                name: "VNummerIndex",
                table: "inburgeraar");

            migrationBuilder.AlterColumn<long>(
                name: "VNummer",
                table: "duo_notificatie",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_inburgeraar_Bsn",
                table: "inburgeraar",
                column: "Bsn");

            migrationBuilder.CreateIndex(
                name: "IX_inburgeraar_VNummer",
                table: "inburgeraar",
                column: "VNummer");
        }
    }
}
