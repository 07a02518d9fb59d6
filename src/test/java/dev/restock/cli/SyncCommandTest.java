package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import dev.restock.connections.Connection;
import dev.restock.connections.ConnectionKind;
import dev.restock.connections.Connections;
import dev.restock.connections.SecretReference;
import dev.restock.orders.Actor;
import dev.restock.orders.NewStockOrder;
import dev.restock.orders.OrderFixtures;
import dev.restock.orders.OrderSaves;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class SyncCommandTest extends DatabaseTest {

    @Autowired
    StockOrders orders;

    @Autowired
    Connections connections;

    @Autowired
    OrderSaves saves;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void syncsTheLocalConnectionAndReportsWhatChangedAsJson() throws SQLException {
        StockOrder order = savedToLocal();
        receiveDownstream(order, new BigDecimal("1.5"));

        StringWriter out = new StringWriter();
        int exitCode =
                command(out, new StringWriter()).execute(withHome("sync", "--connection", "local", "--format", "json"));

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("\"ordersChanged\" : 1", "\"linesChanged\" : 1");
        assertThat(orders.lines(order.id()).getFirst().received()).isEqualByComparingTo("1.5");
    }

    @Test
    void aConnectionThatCannotBeReachedExitsWithOneAndSaysSo() {
        connections.save(new Connection(
                "broken",
                ConnectionKind.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2",
                "postgres",
                null,
                Map.of(),
                Map.of(),
                false));

        StringWriter err = new StringWriter();
        int exitCode = command(new StringWriter(), err).execute(withHome("sync", "--connection", "broken"));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .contains("error: Could not reach connection 'broken'", "None of its orders were synced");
    }

    @Test
    void anUnreachableConnectionIsListedWithItsErrorWhileTheOthersSync() throws Exception {
        StockOrder local = savedToLocal();
        receiveDownstream(local, new BigDecimal("1.5"));
        savedTo(withWrongPasswordFile("erp"), "SKU-2");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = command(out, err).execute(withHome("sync", "--format", "json"));
        JsonNode report = JSON.readTree(out.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(report.get("ordersChanged").asInt()).isEqualTo(1);
        assertThat(report.get("connections")
                        .valueStream()
                        .map(c -> c.get("connection").asString() + " "
                                + c.get("outcome").asString()))
                .containsExactlyInAnyOrder("local synced", "erp failed");
        JsonNode erp = connectionNamed(report, "erp");
        assertThat(erp.get("error").asString())
                .startsWith("Connection 'erp' reads its password from ")
                .contains("which cannot be read");
        assertThat(erp.get("ordersChecked").isNull()).isTrue();
        assertThat(connectionNamed(report, "local").get("error").isNull()).isTrue();
        assertThat(report.get("errors")).hasSize(1);
        assertThat(report.at("/errors/0/message").asString())
                .isEqualTo(erp.get("error").asString());
        assertThat(report.at("/errors/0/connection").asString()).isEqualTo("erp");
        assertThat(err.toString().strip())
                .isEqualTo("error: " + erp.get("error").asString());
        assertThat(orders.lines(local.id()).getFirst().received()).isEqualByComparingTo("1.5");
    }

    @Test
    void asTextAnUnreachableConnectionIsNotSyncedWithoutSayingNothingWas() throws Exception {
        savedToLocal();
        savedTo(unreachable("broken"), "SKU-2");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = command(out, err).execute(withHome("sync"));

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString())
                .containsPattern("local +1 orders checked, 0 changed, 0 lines changed")
                .containsPattern("broken +not synced");
        assertThat(err.toString().strip().lines())
                .singleElement()
                .asString()
                .startsWith("error: Could not reach connection 'broken'")
                .doesNotContainIgnoringCase("nothing was synced");
    }

    @Test
    void oneConnectionThatFailsPrintsTheSameReportWithItsErrors() {
        withWrongPasswordFile("erp");

        StringWriter out = new StringWriter();
        int exitCode =
                command(out, new StringWriter()).execute(withHome("sync", "--connection", "erp", "--format", "json"));
        JsonNode report = JSON.readTree(out.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(report.propertyNames())
                .containsExactly("ordersChecked", "ordersChanged", "linesChanged", "connections", "errors");
        assertThat(report.at("/connections/0/outcome").asString()).isEqualTo("failed");
        assertThat(report.at("/errors/0/message").asString()).contains("reads its password from ");
    }

    @Test
    void anOrderThatCannotBeAppliedIsReportedOnceNotAlsoLoggedAsAWarning(CapturedOutput output) throws SQLException {
        StockOrder order = savedToLocal();
        updateDownstream("update \"PURCHASE_ORDERS\" set \"REPLENISHMENT\" = -1 where \"ID\" = ?", order);

        StringWriter out = new StringWriter();
        command(out, new StringWriter()).execute(withHome("sync", "--connection", "local"));

        assertThat(out.toString()).contains(order.reference() + ": applying its rows failed");
        assertThat(output.getErr()).doesNotContain("applying its rows failed");
        assertThat(output.getOut()).doesNotContain("applying its rows failed");
    }

    /** A PostgreSQL connection whose password file does not exist. */
    private String withWrongPasswordFile(String name) {
        connections.save(new Connection(
                name,
                ConnectionKind.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:1/erp?connectTimeout=2",
                "restock",
                SecretReference.file(TEST_HOME.resolve("no-such-password-file")),
                Map.of(),
                Map.of(),
                false));
        return name;
    }

    private String unreachable(String name) {
        connections.save(new Connection(
                name,
                ConnectionKind.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2",
                "postgres",
                null,
                Map.of(),
                Map.of(),
                false));
        return name;
    }

    /** An order marked saved to {@code connection} in Restock, as if its push had succeeded. */
    private void savedTo(String connection, String sku) {
        OrderFixtures fixtures = new OrderFixtures(jdbc);
        Actor anna = Actor.user("anna");
        StockOrder order = orders.create(
                NewStockOrder.purchase(fixtures.warehouse("WH-" + sku), fixtures.vendor("V-" + sku), "EUR"), anna);
        orders.addLine(order.id(), fixtures.variant(sku, "Cup", null), BigDecimal.ONE, null, anna);
        saves.markSaved(saves.begin(order.id(), connection, anna), anna);
    }

    private static JsonNode connectionNamed(JsonNode report, String name) {
        return report.get("connections")
                .valueStream()
                .filter(connection -> connection.get("connection").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private StockOrder savedToLocal() {
        OrderFixtures fixtures = new OrderFixtures(jdbc);
        Actor anna = Actor.user("anna");
        StockOrder order =
                orders.create(NewStockOrder.purchase(fixtures.warehouse("MAIN"), fixtures.vendor("ACME"), "EUR"), anna);
        orders.addLine(order.id(), fixtures.variant("SKU-1", "Mug", null), new BigDecimal("2.5"), null, anna);
        assertThat(command(new StringWriter(), new StringWriter())
                        .execute(withHome("orders", "save", order.reference())))
                .isZero();
        return order;
    }

    /** A downstream system changing the order's rows of the local table with {@code sql}. */
    private static void updateDownstream(String sql, StockOrder order) throws SQLException {
        String url = "jdbc:duckdb:" + TEST_HOME.resolve("local.duckdb");
        try (java.sql.Connection local = DriverManager.getConnection(url);
                PreparedStatement update = local.prepareStatement(sql)) {
            update.setString(1, order.id().toString());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** A downstream system recording a receipt with a plain UPDATE on the local table. */
    private static void receiveDownstream(StockOrder order, BigDecimal received) throws SQLException {
        String url = "jdbc:duckdb:" + TEST_HOME.resolve("local.duckdb");
        try (java.sql.Connection local = DriverManager.getConnection(url);
                PreparedStatement update =
                        local.prepareStatement("update \"PURCHASE_ORDERS\" set \"RECEIVED\" = ? where \"ID\" = ?")) {
            update.setBigDecimal(1, received);
            update.setString(2, order.id().toString());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static CommandLine command(StringWriter out, StringWriter err) {
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command;
    }

    private static String[] withHome(String... args) {
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = TEST_HOME.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);
        return withHome;
    }
}
