using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "VNummer",
                table: "inburgeraar",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(10)",
                oldMaxLength: 10,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Bsn",
                table: "inburgeraar",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(9)",
                oldMaxLength: 9,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BsnIndex",
                table: "inburgeraar",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VNummerIndex",
                table: "inburgeraar",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Pad",
                table: "duo_uitgaand_bericht",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "VNummer",
                table: "duo_notificatie",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Persoonssleutel",
                table: "duo_notificatie",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "Bsn",
                table: "duo_notificatie",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(9)",
                oldMaxLength: 9,
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

            migrationBuilder.AlterColumn<string>(
                name: "VNummer",
                table: "inburgeraar",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Bsn",
                table: "inburgeraar",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Pad",
                table: "duo_uitgaand_bericht",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);

            migrationBuilder.AlterColumn<long>(
                name: "VNummer",
                table: "duo_notificatie",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Persoonssleutel",
                table: "duo_notificatie",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldMaxLength: 80);

            migrationBuilder.AlterColumn<string>(
                name: "Bsn",
                table: "duo_notificatie",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
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
