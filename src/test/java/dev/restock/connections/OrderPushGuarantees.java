package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.restock.DatabaseTest;
import dev.restock.connections.FaultyOpener.Effect;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The push guarantees, run against each kind of connection by a subclass: after a push, the
 * table holds the whole order exactly once or none of it, whatever failed; a retry never
 * duplicates; values read back equal what Restock holds.
 */
abstract class OrderPushGuarantees extends DatabaseTest {

    static final String CONNECTION = "customer";
    static final String TABLE = "PURCHASE_ORDERS";
    private static final Actor ANNA = Actor.user("anna");

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
    private OrderFixtures fixtures;
    private long warehouse;
    private long vendor;

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

    @Test
    void savesTheWholeOrderOnceWithValuesThatReadBackEqual() throws SQLException {
        StockOrder order = orderWithTwoLines();

        PushResult result;
        TimeZone zone = TimeZone.getDefault();
        try {
            // A JVM away from UTC must not shift CREATED_DATE, which the contract keeps in UTC.
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            result = pusher().push(order.id(), CONNECTION, ANNA);
        } finally {
            TimeZone.setDefault(zone);
        }

        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.order().saveState()).isEqualTo(SaveState.SAVED);
        assertThat(result.order().status()).isEqualTo("OPEN");
        assertThat(result.order().savedTo()).isEqualTo(CONNECTION);
        assertThat(result.order().savedAt()).isNotNull();
        assertThat(rows(TABLE, order.id()))
                .containsExactly(
                        new Row(
                                order.id().toString(),
                                order.reference(),
                                "po",
                                "OPEN",
                                "MAIN",
                                "ACME",
                                "EUR",
                                LocalDateTime.ofInstant(order.createdAt(), ZoneOffset.UTC),
                                LocalDate.of(2026, 1, 31),
                                "1",
                                "SKU-Ä1",
                                "Tasse «Bleu» ☕ 茶",
                                "12.345678",
                                "3.5"),
                        new Row(
                                order.id().toString(),
                                order.reference(),
                                "po",
                                "OPEN",
                                "MAIN",
                                "ACME",
                                "EUR",
                                LocalDateTime.ofInstant(order.createdAt(), ZoneOffset.UTC),
                                LocalDate.of(2026, 1, 31),
                                "2",
                                "SKU-2",
                                "Plate",
                                "0.000001",
                                null));
        assertThat(history.of(order.id()))
                .extracting(OrderHistory.Change::field, OrderHistory.Change::newValue)
                .contains(tuple("save_state", "saved"), tuple("saved_to", CONNECTION), tuple("status", "OPEN"));
    }

    @Test
    void savesNothingAndStaysEditableWhenTheDeleteBeforeTheInsertFails() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^delete", Effect.FAIL);

        assertPushFailsSettled(order);

        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void savesNothingWhenTheInsertBatchFails() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^insert", Effect.FAIL);

        assertPushFailsSettled(order);

        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void savesNothingWhenTheInsertBatchRanButItsAnswerWasLost() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^insert", Effect.LOSE_ANSWER);

        assertPushFailsSettled(order);

        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void savesNothingWhenTheCommitFails() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^commit$", Effect.FAIL);

        assertPushFailsSettled(order);

        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void removesTheRowsWhenTheCommitRanButItsAnswerWasLost() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^commit$", Effect.LOSE_ANSWER);

        assertPushFailsSettled(order);

        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void removesCommittedRowsWhenTheCountCannotBeRead() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^select count", Effect.FAIL);

        assertPushFailsSettled(order);

        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void recoveryMarksSavedAnOrderWhosePushDiedAfterTheCommit() throws SQLException {
        StockOrder order = orderWithTwoLines();
        OrderPusher dying = pusher(attempt -> {
            throw new IllegalStateException("process killed");
        });
        assertThatThrownBy(() -> dying.push(order.id(), CONNECTION, ANNA)).hasMessage("process killed");
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVING);

        PushRecovery.Outcome outcome = recovery().recoverInterruptedPushes();

        assertThat(outcome).isEqualTo(new PushRecovery.Outcome(1, 0, 0));
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVED);
        assertThat(orders.get(order.id()).status()).isEqualTo("OPEN");
        assertThat(count(TABLE, order.id())).isEqualTo(2);
    }

    @Test
    void recoveryRemovesThePartOfAnOrderThatADeadPushLeft() throws SQLException {
        StockOrder order = orderWithTwoLines();
        saves.begin(order.id(), CONNECTION, ANNA);
        insertStrayRow(TABLE, order.id());

        PushRecovery.Outcome outcome = recovery().recoverInterruptedPushes();

        assertThat(outcome).isEqualTo(new PushRecovery.Outcome(0, 1, 0));
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVE_FAILED);
        assertThat(orders.get(order.id()).lastError()).contains("left 1 of 2 rows");
        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void keepsTheOrderSavingWhenTheCompensationFailsUntilRecoveryUndoesIt() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^commit$", Effect.LOSE_ANSWER).fail("^delete", 1, Effect.FAIL);

        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA))
                .isInstanceOf(PushFailedException.class)
                .hasMessageContaining("stays read-only until push recovery");
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVING);
        assertThat(count(TABLE, order.id())).isEqualTo(2);

        PushRecovery.Outcome outcome = recovery().recoverInterruptedPushes();

        // The table held the whole order: the commit had gone through, so the save stands.
        assertThat(outcome).isEqualTo(new PushRecovery.Outcome(1, 0, 0));
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVED);
        assertThat(count(TABLE, order.id())).isEqualTo(2);
    }

    @Test
    void aRetryAfterAFailureWritesTheOrderExactlyOnce() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^commit$", Effect.LOSE_ANSWER);
        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA)).isInstanceOf(PushFailedException.class);

        pusher().push(order.id(), CONNECTION, ANNA);
        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA)).hasMessageContaining("read-only");

        assertThat(count(TABLE, order.id())).isEqualTo(2);
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVED);
    }

    @Test
    void writesToALowerCaseTableWithAColumnNamedLikeAReservedWord() throws SQLException {
        String table = "purchase_orders";
        useTable(table);
        execute("alter table " + dialect().quoteTable(table) + " add column "
                + dialect().quote("ORDER") + " " + dialect().typeName(ContractColumn.Type.TEXT));
        StockOrder order = orderWithTwoLines();

        pusher().push(order.id(), CONNECTION, ANNA);

        assertThat(count(table, order.id())).isEqualTo(2);
    }

    @Test
    void refusesATableWithoutARequiredColumnNamingItAndStaysEditable() throws SQLException {
        String table = "NARROW_ORDERS";
        pointAt(table);
        execute("create table " + dialect().quoteTable(table) + " (" + dialect().quote("ID") + " "
                + dialect().typeName(ContractColumn.Type.TEXT) + ")");
        StockOrder order = orderWithTwoLines();

        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA))
                .isInstanceOf(PushFailedException.class)
                .hasMessageContaining("lacks the column(s) REFERENCE")
                .hasMessageContaining("add column \"RECEIVED\"");

        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVE_FAILED);
    }

    // --- helpers ---

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
        try (java.sql.Connection target = inspect();
                PreparedStatement statement = target.prepareStatement(
                        "select count(*) from " + dialect().quoteTable(table) + " where \"ID\" = ?")) {
            statement.setString(1, orderId.toString());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void insertStrayRow(String table, UUID orderId) throws SQLException {
        try (java.sql.Connection target = inspect();
                PreparedStatement statement = target.prepareStatement(
                        "insert into " + dialect().quoteTable(table) + " (\"ID\", \"LINE_ITEM_ID\") values (?, '1')")) {
            statement.setString(1, orderId.toString());
            statement.executeUpdate();
        }
    }

    record Row(
            String id,
            String reference,
            String type,
            String status,
            String warehouse,
            String vendor,
            String currency,
            LocalDateTime created,
            LocalDate expected,
            String lineItemId,
            String sku,
            String title,
            String replenishment,
            String costPrice) {}

    List<Row> rows(String table, UUID orderId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (java.sql.Connection target = inspect();
                PreparedStatement statement =
                        target.prepareStatement("""
                        select "ID", "REFERENCE", "TYPE", "STATUS", "WAREHOUSE", "VENDOR", "CURRENCY", "CREATED_DATE",
                               "EXPECTED_DATE", "LINE_ITEM_ID", "SKU", "TITLE", "REPLENISHMENT", "COST_PRICE"
                        from %s where "ID" = ? order by "LINE_ITEM_ID"
                        """.formatted(dialect().quoteTable(table)))) {
            statement.setString(1, orderId.toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getObject(8, LocalDateTime.class),
                            rs.getObject(9, LocalDate.class),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getString(12),
                            plain(rs.getBigDecimal(13)),
                            plain(rs.getBigDecimal(14))));
                }
            }
        }
        return rows;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    static Map<OrderType, String> purchaseOrdersIn(String table) {
        return Map.of(OrderType.PO, table);
    }
}
