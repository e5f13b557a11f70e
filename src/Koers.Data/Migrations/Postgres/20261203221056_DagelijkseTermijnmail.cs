using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "DagelijkseTermijnmail",
                table: "gemeente",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "termijnmail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MedewerkerId = table.Column<int>(type: "integer", nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Aantal = table.Column<int>(type: "integer", nullable: false),
                    GeclaimdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GeclaimdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VerzondenOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
