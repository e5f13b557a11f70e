using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DagelijkseTermijnmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "GeenTermijnmail",
                table: "medewerker",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "DagelijkseTermijnmail",
                table: "gemeente",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "termijnmail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MedewerkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Aantal = table.Column<int>(type: "INTEGER", nullable: false),
                    GeclaimdOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GeclaimdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VerzondenOp = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_termijnmail", x => x.Id);
                    table.ForeignKey(
                        name: "FK_termijnmail_medewerker_MedewerkerId",
                        column: x => x.MedewerkerId,
                        principalTable: "medewerker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_termijnmail_MedewerkerId_Datum",
                table: "termijnmail",
                columns: new[] { "MedewerkerId", "Datum" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "termijnmail");

            migrationBuilder.DropColumn(
                name: "GeenTermijnmail",
                table: "medewerker");

            migrationBuilder.DropColumn(
                name: "DagelijkseTermijnmail",
                table: "gemeente");
        }
    }
}
