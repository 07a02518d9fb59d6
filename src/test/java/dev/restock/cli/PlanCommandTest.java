package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.ObjectMapper;

class PlanCommandTest extends DatabaseTest {

    private static final LocalDate START = LocalDate.of(2011, 6, 6);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void catalog() {
        jdbc.sql("insert into warehouses (code, name, time_zone) values ('LDN', 'London', 'Europe/London'),"
                        + " ('PAR', 'Paris', 'Europe/Paris')")
                .update();
        jdbc.sql("insert into vendors (code, name) values ('ACME', 'Acme')").update();
        jdbc.sql("insert into variants (sku, title) values ('LANTERN', 'Lantern'), ('MUG', 'Mug')")
                .update();
        for (int day = 0; day < 70; day++) {
            jdbc.sql("insert into trading_days (warehouse_id, day) values (1, ?)")
                    .param(START.plusDays(day))
                    .update();
            jdbc.sql("insert into daily_demand (variant_id, warehouse_id, day, sold) values (2, 1, ?, 2)")
                    .param(START.plusDays(day))
                    .update();
        }
    }

    @Test
    void printsToOrderInCasePacksLessTheActiveOrderButNotTheDraft() {
        // LANTERN in Paris: no sales, minimum stock 37, 5 on an open order and 100 on a draft one.
        // 37 - 5 = 32, in packs of 10: 40.
        jdbc.sql("insert into variant_warehouses (variant_id, warehouse_id, min_stock, lead_time_days,"
                        + " days_of_stock) values (1, 2, 37, 7, 14)")
                .update();
        jdbc.sql("insert into variant_vendors (variant_id, vendor_id, cost, order_multiple) values (1, 1, 2, 10)")
                .update();
        order("OPEN", "PO-1", 5);
        order("DRAFT", "PO-2", 100);

        int exitCode = run("plan", "--format", "json", "--warehouse", "PAR");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("\"sku\" : \"LANTERN\"", "\"warehouse\" : \"PAR\"")
                .contains("\"replenishment\" : 32", "\"toOrder\" : 40", "\"forecastMethod\" : \"none\"")
                .as("no demand, so it never sells out")
                .contains("\"replenishmentDate\" : null")
                .doesNotContain("MUG");
    }

    @Test
    void printsTheReplenishmentDateAsACalendarDateInJson() {
        int exitCode = run("plan", "--format", "json");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("\"replenishmentDate\" : \"\\d{4}-\\d{2}-\\d{2}\"");
    }

    @Test
    void printsEverySeriesWithItsForecastMethodAsCsv() {
        int exitCode = run("plan", "--format", "csv");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .startsWith("sku,warehouse,replenishment,toOrder,replenishmentDate,forecastMethod")
                .containsPattern("MUG,LDN,\\d+(\\.\\d+)?,\\d+,\\d{4}-\\d{2}-\\d{2},[a-z-]+");
    }

    @Test
    void givesEveryLineTheKeysScriptsReadInJson() throws Exception {
        int exitCode = run("plan", "--format", "json");

        assertThat(exitCode).as(err.toString()).isZero();
        var lines = new ObjectMapper().readTree(out.toString());
        assertThat(lines.isArray()).isTrue();
        assertThat(lines).isNotEmpty();
        for (var line : lines) {
            assertThat(line.propertyNames())
                    .contains("sku", "warehouse", "replenishment", "toOrder", "replenishmentDate", "forecastMethod");
        }
    }

    @Test
    void filtersByVendorAndStatusAndSortsByLostRevenue() {
        // LANTERN in Paris is short of minimum stock with nothing forecast: order now, from ACME.
        jdbc.sql("insert into variant_warehouses (variant_id, warehouse_id, min_stock) values (1, 2, 5)")
                .update();
        jdbc.sql("insert into variant_vendors (variant_id, vendor_id, cost) values (1, 1, 2)")
                .update();

        int exitCode = run("plan", "--format", "csv", "--vendor", "ACME", "--status", "order-now");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("LANTERN,PAR,5,5,,none,order-now").doesNotContain("MUG");

        out.getBuffer().setLength(0);
        assertThat(run("plan", "--format", "csv", "--sort", "lost-revenue")).isZero();
        assertThat(out.toString()).contains("MUG,LDN");
    }

    @Test
    void refusesAnUnknownStatusAsBadUsage() {
        int exitCode = run("plan", "--status", "urgent");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown status 'urgent'", "order-now, order-soon, overstock, ok");
    }

    @Test
    void reportsEveryInvalidOptionValueAsOneLineNamingTheHelp() {
        int statusExit = run("plan", "--status", "bogus");
        String statusError = err.toString();
        err.getBuffer().setLength(0);
        int sortExit = run("plan", "--sort", "nope");
        String sortError = err.toString();
        err.getBuffer().setLength(0);
        int formatExit = run("plan", "--format", "xml");

        assertThat(List.of(statusExit, sortExit, formatExit)).containsOnly(2);
        assertThat(List.of(statusError, sortError, err.toString()))
                .allSatisfy(error -> assertThat(error)
                        .startsWith("error: ")
                        .endsWith("See 'restock plan --help'." + System.lineSeparator())
                        .hasLineCount(1)
                        .doesNotContain("Usage:"));
    }

    @Test
    void printsFailuresAsJsonErrorsOnStandardOutputWhenAskedForJson() throws Exception {
        int badUsage = run("plan", "--status", "bogus", "--format", "json");
        String usageJson = out.toString();
        out.getBuffer().setLength(0);
        int failure = run("plan", "--warehouse", "NOPE", "--format", "json");

        assertThat(badUsage).isEqualTo(2);
        assertThat(failure).isEqualTo(1);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(usageJson).at("/errors/0/message").asString()).startsWith("Unknown status 'bogus'");
        assertThat(json.readTree(out.toString()).at("/errors/0/message").asString())
                .startsWith("There is no warehouse 'NOPE'.");
        assertThat(err.toString()).contains("error: There is no warehouse 'NOPE'.");
    }

    @Test
    void printsDecimalsInJsonWithoutTrailingZerosOrExponent() {
        jdbc.sql("insert into variant_warehouses (variant_id, warehouse_id, min_stock, lead_time_days,"
                        + " days_of_stock) values (1, 2, 100, 7, 14)")
                .update();

        int exitCode = run("plan", "--format", "json", "--warehouse", "PAR");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("\"replenishment\" : 100,")
                .doesNotContainPattern("\\d\\.\\d*0[,\\s]")
                .doesNotContainPattern("\\dE[+-]?\\d");
    }

    @Test
    void refusesAnUnknownWarehouseOrVendorNamingTheCodesThereAre() {
        int warehouseExit = run("plan", "--warehouse", "NOPE");
        int vendorExit = run("plan", "--vendor", "NOPE");

        assertThat(warehouseExit).isEqualTo(1);
        assertThat(vendorExit).isEqualTo(1);
        assertThat(err.toString())
                .contains("There is no warehouse 'NOPE'. The warehouses are: ")
                .contains("There is no vendor 'NOPE'. The vendors are: ");
    }

    @Test
    void explainsOneLineStepByStep() {
        int exitCode = run("plan", "explain", "MUG", "--warehouse", "LDN");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("MUG in LDN", "Inputs", "forecast method", "Steps", "forecast demand", "need", "net")
                .contains("to order");
    }

    @Test
    void explainsInJson() {
        int exitCode = run("plan", "explain", "MUG", "--warehouse", "LDN", "--format", "json");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"inputs\"", "\"steps\"", "\"leadTimeDays\"", "\"how\"");
    }

    @Test
    void refusesToExplainAnUnknownSku() {
        int exitCode = run("plan", "explain", "NOPE", "--warehouse", "LDN");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("There is no variant with SKU 'NOPE'");
    }

    private void order(String status, String reference, int quantity) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into stock_orders (id, reference, type, status, warehouse_id, vendor_id, created_at)"
                        + " values (?, ?, 'po', ?, 2, 1, now())")
                .params(id, reference, status)
                .update();
        jdbc.sql("insert into stock_order_lines (order_id, line_item_id, variant_id, sku, replenishment)"
                        + " values (?, '1', 1, 'LANTERN', ?)")
                .params(id, quantity)
                .update();
    }

    private int run(String... args) {
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = TEST_HOME.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);
        return command.execute(withHome);
    }
}
