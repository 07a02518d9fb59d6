package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.DatabaseTest;
import dev.restock.orders.Actor;
import dev.restock.orders.NewStockOrder;
import dev.restock.orders.OrderFixtures;
import dev.restock.orders.OrderHistory;
import dev.restock.orders.OrderSaves;
import dev.restock.orders.OrderType;
import dev.restock.orders.SaveState;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrders;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the push tests share: a connection of one kind (the subclass), an order to push, a
 * pusher whose JDBC connections fail where a test arms a fault, and direct reads of the table.
 */
abstract class PushTestBase extends DatabaseTest {

    static final String CONNECTION = "customer";
    static final String TABLE = "PURCHASE_ORDERS";
    static final Actor ANNA = Actor.user("anna");

    @Autowired
    StockOrders orders;

    @Autowired
    OrderSaves saves;

    @Autowired
    OrderHistory history;

    @Autowired
    Connections connections;

    @Autowired
    Clock clock;

    final FaultyOpener opener = new FaultyOpener();
    OrderFixtures fixtures;
    long warehouse;
    long vendor;

    /** The connection under test, saving purchase orders to {@code table}. */
    abstract Connection connection(String table);

    /** A direct connection to the target's data, bypassing the pusher; the caller closes it. */
    abstract java.sql.Connection inspect() throws SQLException;

    /** Empties the target before each test. */
    abstract void resetTarget() throws SQLException;

    @BeforeEach
    void orderAndTable() throws SQLException {
        resetTarget();
        fixtures = new OrderFixtures(jdbc);
        warehouse = fixtures.warehouse("MAIN");
        vendor = fixtures.vendor("ACME");
        useTable(TABLE);
    }

    /** Points the connection's purchase orders at {@code table}, created with the contract DDL. */
    void useTable(String table) throws SQLException {
        pointAt(table);
        execute(dialect().createTable(table));
    }

    void pointAt(String table) {
        connections.save(connection(table));
    }

    SqlDialect dialect() {
        return connection(TABLE).dialect();
    }

    /** Runs DDL on the target through its own driver. */
    void execute(String sql) throws SQLException {
        try (java.sql.Connection target = new ConnectionOpener().open(connection(TABLE));
                Statement statement = target.createStatement()) {
            statement.execute(sql);
        }
    }

    OrderPusher pusher() {
        return pusher(attempt -> {});
    }

    OrderPusher pusher(OrderPusher.Checkpoint checkpoint) {
        return new OrderPusher(
                connections, saves, orders, new ContractRows(jdbc), new PushWriter(opener), opener, clock, checkpoint);
    }

    PushRecovery recovery() {
        return new PushRecovery(saves, connections, new PushWriter(opener), opener);
    }

    StockOrder orderWithTwoLines() {
        long mug = fixtures.variant("SKU-Ä1", "Tasse «Bleu» ☕ 茶", "4006381333931");
        long plate = fixtures.variant("SKU-2", "Plate", null);
        StockOrder order = orders.create(
                new NewStockOrder(OrderType.PO, warehouse, vendor, null, "EUR", LocalDate.of(2026, 1, 31)), ANNA);
        orders.addLine(order.id(), mug, new BigDecimal("12.345678"), new BigDecimal("3.5"), ANNA);
        orders.addLine(order.id(), plate, new BigDecimal("0.000001"), null, ANNA);
        return orders.get(order.id());
    }

    void assertPushFailsSettled(StockOrder order) {
        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA))
                .isInstanceOf(PushFailedException.class)
                .hasMessageContaining("Saving " + order.reference() + " to '" + CONNECTION + "' failed")
                .hasMessageContaining("the order stays editable");
        StockOrder after = orders.get(order.id());
        assertThat(after.saveState()).isEqualTo(SaveState.SAVE_FAILED);
        assertThat(after.readOnly()).isFalse();
        assertThat(after.status()).isEqualTo("DRAFT");
        assertThat(after.lastError()).contains("Injected");
    }

    long count(String table, UUID orderId) throws SQLException {
        return target().count(table, orderId);
    }

    List<TargetRows.Row> rows(String table, UUID orderId) throws SQLException {
        return target().rows(table, orderId);
    }

    List<String> columnValues(String table, String column, UUID orderId) throws SQLException {
        return target().columnValues(table, column, orderId);
    }

    void insertStrayRow(String table, UUID orderId) throws SQLException {
        target().insertStrayRow(table, orderId);
    }

    private TargetRows target() {
        return new TargetRows(this::inspect);
    }

    static Map<OrderType, String> purchaseOrdersIn(String table) {
        return Map.of(OrderType.PO, table);
    }
}
