using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InkoopProductenContractvolume : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Volume",
                table: "partnercontract",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ContractSignaalMaanden",
                table: "gemeente",
                type: "integer",
                nullable: false,
                defaultValue: 3); // existing municipalities get the default lead time (Gemeente.ContractSignaalMaanden)

            migrationBuilder.CreateTable(
                name: "trajectproduct",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Productsleutel = table.Column<Guid>(type: "uuid", nullable: false),
                    Versie = table.Column<int>(type: "integer", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "integer", nullable: false),
                    Naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Onderdeel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Leerroute = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Niveau = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Lesvorm = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PrijsPerPeriode = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    PeriodeMaanden = table.Column<int>(type: "integer", nullable: false),
                    SpukDeclarabel = table.Column<bool>(type: "boolean", nullable: false),
                    GeldigVanaf = table.Column<DateOnly>(type: "date", nullable: false),
                    AangemaaktOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trajectproduct", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trajectproduct_partnerorganisatie_PartnerorganisatieId",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trajectproduct_PartnerorganisatieId",
                table: "trajectproduct",
                column: "PartnerorganisatieId");

            migrationBuilder.CreateIndex(
                name: "IX_trajectproduct_Productsleutel_Versie",
                table: "trajectproduct",
                columns: new[] { "Productsleutel", "Versie" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trajectproduct");

            migrationBuilder.DropColumn(
                name: "Volume",
                table: "partnercontract");

            migrationBuilder.DropColumn(
                name: "ContractSignaalMaanden",
                table: "gemeente");
        }
    }
}
