package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import dev.restock.orders.Actor;
import dev.restock.orders.NewStockOrder;
import dev.restock.orders.OrderFixtures;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import picocli.CommandLine;

@ExtendWith(OutputCaptureExtension.class)
class OrdersCommandTest extends DatabaseTest {

    @Autowired
    StockOrders orders;

    @Test
    void savesAnOrderToTheLocalConnectionAndShowsItSaved() {
        OrderFixtures fixtures = new OrderFixtures(jdbc);
        StockOrder order = orders.create(
                NewStockOrder.purchase(fixtures.warehouse("MAIN"), fixtures.vendor("ACME"), "EUR"), Actor.user("anna"));
        orders.addLine(
                order.id(), fixtures.variant("SKU-1", "Mug", null), new BigDecimal("2.5"), null, Actor.user("anna"));

        String saved = run(0, "orders", "save", order.reference().toLowerCase());
        String shown = run(0, "orders", "show", order.reference());

        assertThat(saved).contains("Saved " + order.reference() + " to 'local' table PURCHASE_ORDERS: 1 rows");
        assertThat(shown).contains(order.reference() + "  po  OPEN  saved to 'local'", "SKU-1", "2.5");
        assertThat(run(0, "orders", "recover")).contains("0 saved, 0 undone, 0 still unsettled");
    }

    @Test
    void savesAndRecoversWithJsonForScripts() {
        catalog();
        String reference = create();
        String unsaved = create();
        run(0, "connections", "add", "down", "--kind", "postgresql", "--url", "jdbc:postgresql://127.0.0.1:1/x");

        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var saved = json.readTree(run(0, "orders", "save", reference, "--format", "json"));
        var recovered = json.readTree(run(0, "orders", "recover", "--format", "json"));
        StringWriter failedOut = new StringWriter();
        CommandLine failing = Main.commandLine();
        failing.setOut(new PrintWriter(failedOut));
        failing.setErr(new PrintWriter(new StringWriter()));
        int failed = failing.execute(withHome("orders", "save", unsaved, "--to", "down", "--format", "json"));

        assertThat(saved.propertyNames()).containsExactly("connection", "table", "rows", "order");
        assertThat(saved.get("connection").asString()).isEqualTo("local");
        assertThat(saved.get("table").asString()).isEqualTo("PURCHASE_ORDERS");
        assertThat(saved.get("rows").asLong()).isEqualTo(1);
        assertThat(saved.get("order").get("reference").asString()).isEqualTo(reference);
        assertThat(saved.get("order").get("saveState").asString()).isEqualTo("saved");
        assertThat(saved.get("order").get("readOnly").asBoolean()).isTrue();
        assertThat(saved.get("order").get("lines")).hasSize(1);
        assertThat(recovered.propertyNames()).containsExactly("saved", "undone", "unsettled");
        assertThat(recovered.get("unsettled").asInt()).isZero();
        assertThat(failed).isEqualTo(1);
        assertThat(json.readTree(failedOut.toString())
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asString())
                .startsWith("Saving " + unsaved + " to 'down' failed while connecting");
    }

    @Test
    void createsEditsOpensAndReceivesAnOrderFromTheCommandLine() {
        catalog();

        String created = run(
                0,
                "orders",
                "create",
                "--type",
                "po",
                "--vendor",
                "acme",
                "--warehouse",
                "MAIN",
                "--expected",
                "2026-12-24",
                "--line",
                "SKU-1=10@1.25",
                "--line",
                "SKU-2=4");
        String reference = created.lines().findFirst().orElseThrow().replace("Created ", "");
        run(0, "orders", "edit", reference, "--line", "1", "--quantity", "12", "--add", "SKU-2=1", "--remove", "2");
        run(0, "orders", "status", reference, "open");
        String received =
                run(0, "orders", "receive", reference, "--line", "1", "--quantity", "5", "--date", "2026-12-20");

        assertThat(reference).matches("PO-\\d+");
        assertThat(created).contains("SKU-1", "1.25", "EUR");
        assertThat(received).contains(reference + "  po  PARTIALLY RECEIVED  editable");
        assertThat(run(0, "orders", "list", "--unsaved")).contains(reference, "PARTIALLY RECEIVED", "1 orders");
        assertThat(run(0, "orders", "list", "--saved")).contains("0 orders");
        assertThat(run(0, "orders", "list", "--type", "transfer")).contains("0 orders");
        assertThat(run(0, "orders", "show", reference, "--history"))
                .contains(
                        "line 1 replenishment: 10 -> 12",
                        "line 2: 4 -> -",
                        "line 3: - -> 1",
                        "  3    SKU-2",
                        "line 1 received: 0 -> 5");
    }

    @Test
    void showsAnOrderAsJsonWithTheKeysScriptsRelyOn() throws Exception {
        catalog();
        String reference = create();

        String json = run(0, "orders", "show", reference, "--format", "json");

        var document = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
        java.util.List<String> keys = new java.util.ArrayList<>(document.propertyNames());
        assertThat(keys).contains("id", "reference", "type", "status", "readOnly", "savedTo", "externalId", "lines");
        java.util.List<String> lineKeys =
                new java.util.ArrayList<>(document.get("lines").get(0).propertyNames());
        assertThat(lineKeys).contains("lineItemId", "sku", "replenishment", "received");
        assertThat(document.get("reference").asString()).isEqualTo(reference);
        assertThat(document.get("readOnly").asBoolean()).isFalse();
        assertThat(document.get("savedTo").isNull()).isTrue();
        assertThat(document.get("lines").get(0).get("replenishment").toString()).isEqualTo("10");
        assertThat(run(0, "orders", "show", document.get("id").asString())).contains(reference);
        assertThat(run(0, "orders", "list", "--format", "json")).contains("\"reference\" : \"" + reference + "\"");
    }

    @Test
    void showsTheHistoryInTheJsonDocumentToo() throws Exception {
        catalog();
        String reference = create();
        run(0, "orders", "edit", reference, "--line", "1", "--quantity", "12");

        var document = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(run(0, "orders", "show", reference, "--history", "--format", "json"));

        assertThat(document.get("reference").asString())
                .as("the document's own keys stay")
                .isEqualTo(reference);
        assertThat(document.get("lines")).hasSize(1);
        assertThat(document.get("history")
                        .valueStream()
                        .map(change -> change.get("field").asString() + " "
                                + change.get("oldValue").asString() + " -> "
                                + change.get("newValue").asString()))
                .contains("line 1 replenishment 10 -> 12");
        assertThat(document.get("history").get(0).get("actorType").asString()).isEqualTo("user");
    }

    @Test
    void refusalsAreOneLineWithExitCode1() {
        catalog();
        String reference = create();
        run(0, "orders", "save", reference);

        String readOnly = runForErrors(1, "orders", "edit", reference, "--line", "1", "--quantity", "3");
        String missing = runForErrors(1, "orders", "show", "PO-999999");

        assertThat(readOnly.strip()).startsWith("error: Order " + reference + " is saved to connection 'local'");
        assertThat(readOnly.strip().lines()).hasSize(1);
        assertThat(missing.strip()).isEqualTo("error: There is no stock order PO-999999.");
    }

    @Test
    void aRefusedCreateSaysNothingWasCreatedAndNamesNoReference() {
        catalog();

        String refused = runForErrors(
                1, "orders", "create", "--type", "po", "--vendor", "ACME", "--warehouse", "MAIN", "--line", "NOSKU=1");
        String edited = runForErrors(1, "orders", "edit", create(), "--add", "NOSKU=1");

        assertThat(refused.strip()).isEqualTo("error: There is no variant with SKU 'NOSKU'. Nothing was created.");
        assertThat(edited.strip())
                .matches("error: There is no variant with SKU 'NOSKU'. Order PO-\\d+ was not changed.");
        assertThat(run(0, "orders", "list")).contains("1 orders");
    }

    @Test
    void everyRefusedCreateSaysNothingWasCreated() {
        catalog();

        String unknownVendor = runForErrors(
                1, "orders", "create", "--type", "po", "--vendor", "NOPE", "--warehouse", "MAIN", "--line", "SKU-1=1");
        String unknownWarehouse = runForErrors(
                1, "orders", "create", "--type", "po", "--vendor", "ACME", "--warehouse", "NOPE", "--line", "SKU-1=1");
        String decimals = runForErrors(1, create("--line", "SKU-1=1.0000001"));
        String costDecimals = runForErrors(1, create("--line", "SKU-1=1@0.0000001"));
        String currency = runForErrors(1, create("--currency", "euro"));

        for (String refused : java.util.List.of(unknownVendor, unknownWarehouse, decimals, costDecimals, currency)) {
            assertThat(refused.strip().lines()).singleElement().asString().startsWith("error: ");
            assertThat(refused.strip()).contains("Nothing was created").doesNotContain("Nothing was changed");
        }
        assertThat(run(0, "orders", "list")).contains("0 orders");
    }

    @Test
    void aQuantityOrPriceTooLargeForItsColumnIsRefusedInOneLineNamingTheLimit() {
        catalog();
        String tooLarge = "1" + "0".repeat(32);
        String reference = create();
        run(0, "orders", "status", reference, "OPEN");

        String created = runForErrors(1, create("--line", "SKU-1=" + tooLarge));
        String cost = runForErrors(1, create("--line", "SKU-1=1@" + tooLarge));
        String edited = runForErrors(1, "orders", "edit", reference, "--line", "1", "--quantity", tooLarge);
        String added = runForErrors(1, "orders", "edit", reference, "--add", "SKU-2=" + tooLarge);
        String received = runForErrors(1, "orders", "receive", reference, "--line", "1", "--quantity", tooLarge);
        String largest = run(0, create("--line", "SKU-1=" + "9".repeat(32) + ".999999"));

        assertThat(created.strip())
                .isEqualTo("error: The quantity of SKU-1 (" + tooLarge + ") is too large: Restock keeps at most 32"
                        + " digits before the decimal point. Nothing was created.");
        assertThat(cost.strip()).startsWith("error: The cost price of SKU-1 (" + tooLarge + ") is too large");
        assertThat(edited.strip()).startsWith("error: The quantity of line 1 (" + tooLarge + ") is too large");
        assertThat(added.strip()).startsWith("error: The quantity of SKU-2 (" + tooLarge + ") is too large");
        assertThat(received.strip())
                .isEqualTo("error: The quantity received (" + tooLarge + ") is too large: Restock keeps at most 32"
                        + " digits before the decimal point. Nothing was received.");
        for (String refused : java.util.List.of(created, cost, edited, added, received)) {
            assertThat(refused.strip().lines()).hasSize(1);
            assertThat(refused).doesNotContain("PSQLException", "overflow");
        }
        assertThat(largest).contains("9".repeat(32) + ".999999");
        assertThat(run(0, "orders", "show", reference)).doesNotContain(tooLarge);
    }

    @Test
    void aDateOutsideTheYears1900To9999IsRefusedInOneLineNamingTheDateAndTheRange() {
        // The user test's dates were stored as 0001-01-01 and 0002-01-01.
        catalog();
        String reference = create();
        run(0, "orders", "status", reference, "OPEN");

        String expected = runForErrors(1, create("--expected", "0000-01-01"));
        String received = runForErrors(
                1, "orders", "receive", reference, "--line", "1", "--quantity", "1", "--date", "-0001-01-01");

        assertThat(expected.strip())
                .isEqualTo("error: The expected date 0000-01-01 is outside the dates Restock accepts, 1900-01-01 to"
                        + " 9999-12-31. Nothing was created.");
        assertThat(received.strip())
                .isEqualTo("error: The receipt date -0001-01-01 is outside the dates Restock accepts, 1900-01-01 to"
                        + " 9999-12-31. Nothing was received.");
        assertThat(run(0, "orders", "list")).contains("1 orders");
        assertThat(run(0, "orders", "show", reference)).contains("OPEN").doesNotContain("0001-01-01", "0002-01-01");
    }

    @Test
    void aNumberWithAnExponentIsBadUsageAsInEntityFiles() {
        catalog();

        String line = runForErrors(2, create("--line", "SKU-1=1e3"));
        String cost = runForErrors(2, create("--line", "SKU-1=1@2E-1"));
        String quantity = runForErrors(2, "orders", "edit", "PO-1", "--line", "1", "--quantity", "1e3");

        assertThat(line.lines().findFirst().orElseThrow())
                .startsWith("error: Invalid value for option '--line' (SKU=QTY[@COST]): the quantity in"
                        + " 'SKU-1=1e3': '1e3' is not a plain decimal number (expected digits and an optional"
                        + " '.' with decimals, such as 1000 or 2.5; no exponent)");
        assertThat(cost.lines().findFirst().orElseThrow())
                .startsWith("error: Invalid value for option '--line' (SKU=QTY[@COST]): the cost in"
                        + " 'SKU-1=1@2E-1': '2E-1' is not a plain decimal number");
        assertThat(quantity.lines().findFirst().orElseThrow())
                .startsWith("error: Invalid value for option '--quantity': '1e3' is not a plain decimal number");
        assertThat(run(0, "orders", "list")).contains("0 orders");
    }

    @Test
    void savingASavedOrderAgainSaysFirstWhereAndWhenItWasSaved() {
        catalog();
        String reference = create();
        run(0, "orders", "save", reference);

        String again = runForErrors(1, "orders", "save", reference);

        assertThat(again.strip())
                .matches("error: Order " + reference + " is already saved to connection 'local' on"
                        + " \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\. A saved order is read-only in"
                        + " Restock, so it was not saved again; change it in that connection's table and run"
                        + " `restock sync` to bring the change back\\.");
    }

    @Test
    void overReceiptIsRefusedWithWhatWouldHaveHappened() {
        catalog();
        String reference = create();
        run(0, "orders", "status", reference, "OPEN");

        String refused = runForErrors(1, "orders", "receive", reference, "--line", "1", "--quantity", "10.5");

        assertThat(refused)
                .contains("would make 10.5 received of 10 ordered", "tolerance of 0%", "Nothing was received");
        assertThat(run(0, "orders", "show", reference)).contains("OPEN");
    }

    @Test
    void badUsageExitsWith2() {
        assertThat(runForErrors(2, "orders", "create", "--type", "po", "--warehouse", "MAIN", "--line", "SKU-1"))
                .contains("'SKU-1' is not a line; write SKU=QUANTITY");
        assertThat(runForErrors(2, "orders", "create", "--type", "boat", "--warehouse", "MAIN"))
                .contains("--type");
        assertThat(runForErrors(2, "orders", "edit", "PO-1")).contains("Nothing to change");
        assertThat(runForErrors(2, "orders", "list", "--saved", "--unsaved")).contains("mutually exclusive");
    }

    @Test
    void aDateOrNumberThatCannotBeReadSaysWhatWasExpected() {
        // Each is one line, which then names where to read the usage: "... See 'restock orders receive --help'."
        String date =
                runForErrors(2, "orders", "receive", "PO-1", "--line", "1", "--quantity", "1", "--date", "notadate");
        String expected =
                runForErrors(2, "orders", "create", "--type", "po", "--warehouse", "MAIN", "--expected", "2026-13-01");
        String quantity = runForErrors(2, "orders", "edit", "PO-1", "--line", "1", "--quantity", "abc");
        String port = runForErrors(2, "serve", "--port", "x");

        assertThat(date.lines().findFirst().orElseThrow())
                .startsWith("error: Invalid value for option '--date': 'notadate' is not a date (expected YYYY-MM-DD)");
        assertThat(expected.lines().findFirst().orElseThrow())
                .startsWith("error: Invalid value for option '--expected': '2026-13-01' is not a date"
                        + " (expected YYYY-MM-DD)");
        assertThat(quantity.lines().findFirst().orElseThrow())
                .startsWith("error: Invalid value for option '--quantity': 'abc' is not a number (expected a decimal"
                        + " number such as 2.5)");
        assertThat(port.lines().findFirst().orElseThrow())
                .startsWith("error: Invalid value for option '--port': 'x' is not a whole number"
                        + " (expected one such as 10)");
    }

    @Test
    void aFailedSaveIsReportedOnceAsTheErrorAndNotAlsoLoggedAsAWarning(CapturedOutput output) {
        catalog();
        String reference = create();
        run(0, "connections", "add", "down", "--kind", "postgresql", "--url", "jdbc:postgresql://127.0.0.1:1/x");

        String error = runForErrors(1, "orders", "save", reference, "--to", "down");

        assertThat(error.strip().lines())
                .singleElement()
                .asString()
                .startsWith("error: Saving " + reference + " to 'down' failed while connecting: PSQLException:"
                        + " Connection to 127.0.0.1:1 refused")
                .contains("Nothing was written; the order stays editable and can be saved again. Run `restock"
                        + " connections test down` to check that it can be opened.")
                .doesNotContain("PURCHASE_ORDERS");
        assertThat(output.getErr()).doesNotContain("failed while connecting");
        assertThat(output.getOut()).doesNotContain("failed while connecting");
    }

    @Test
    void addsACustomStatusMappedToAType() {
        try {
            assertThat(run(0, "orders", "statuses", "add", "in transit", "--type", "active"))
                    .contains("Added status IN TRANSIT (active)");
            assertThat(run(0, "orders", "statuses")).contains("IN TRANSIT               active");
            assertThat(runForErrors(1, "orders", "statuses", "add", "In Transit", "--type", "active"))
                    .contains("exists already");
        } finally {
            jdbc.sql("delete from order_statuses where name = 'IN TRANSIT'").update();
        }
    }

    private void catalog() {
        OrderFixtures fixtures = new OrderFixtures(jdbc);
        fixtures.warehouse("MAIN");
        fixtures.vendor("ACME");
        fixtures.variant("SKU-1", "Mug", null);
        fixtures.variant("SKU-2", "Cup", null);
    }

    /** {@code orders create} of a purchase order from ACME to MAIN, with {@code more} options. */
    private static String[] create(String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(
                java.util.List.of("orders", "create", "--type", "po", "--vendor", "ACME", "--warehouse", "MAIN"));
        args.addAll(java.util.List.of(more));
        return args.toArray(String[]::new);
    }

    private static String create() {
        String created = run(
                0, "orders", "create", "--type", "po", "--vendor", "ACME", "--warehouse", "MAIN", "--line", "SKU-1=10");
        return created.lines().findFirst().orElseThrow().replace("Created ", "");
    }

    private static String runForErrors(int expectedExitCode, String... args) {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(err));

        assertThat(command.execute(withHome(args))).isEqualTo(expectedExitCode);
        return err.toString();
    }

    private static String[] withHome(String... args) {
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = TEST_HOME.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);
        return withHome;
    }

    private static String run(int expectedExitCode, String... args) {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = TEST_HOME.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);

        assertThat(command.execute(withHome)).isEqualTo(expectedExitCode);
        return out.toString();
    }
}
