package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.restock.orders.Actor;
import dev.restock.orders.NewStockOrder;
import dev.restock.orders.OrderEvents;
import dev.restock.orders.OrderReadOnlyException;
import dev.restock.orders.OrderSyncWriter;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrderLine;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sync guarantees, run against each kind of connection by a subclass. Downstream changes are
 * made with plain SQL on the table, as the customer's systems would make them.
 */
abstract class OrderSyncGuarantees extends PushTestBase {

    @Autowired
    OrderSyncWriter syncWriter;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    OrderEvents events;

    @Test
    void aDownstreamReceiptStatusAndExternalIdArriveOnceWithHistory() throws SQLException {
        StockOrder order = savedOrder();
        downstream(
                "update %s set \"RECEIVED\" = ?, \"RECEIVED_DATE\" = ? where \"ID\" = ? and \"LINE_ITEM_ID\" = '1'",
                new BigDecimal("5.123456"), LocalDate.of(2026, 2, 3), order.id().toString());
        downstream(
                "update %s set \"STATUS\" = 'PARTIALLY RECEIVED', \"EXTERNAL_ID\" = 'WMS-77' where \"ID\" = ?",
                order.id().toString());

        SyncResult first = sync();
        SyncResult second = sync();

        assertThat(first.ordersChecked()).isEqualTo(1);
        assertThat(first.ordersChanged()).isEqualTo(1);
        assertThat(first.linesChanged()).isEqualTo(1);
        assertThat(first.problems()).isEmpty();
        StockOrder after = orders.get(order.id());
        assertThat(after.status()).isEqualTo("PARTIALLY RECEIVED");
        assertThat(after.externalId()).isEqualTo("WMS-77");
        StockOrderLine line = orders.lines(order.id()).getFirst();
        assertThat(line.received()).isEqualByComparingTo("5.123456");
        assertThat(line.receivedDate()).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(syncChanges(order))
                .containsExactlyInAnyOrder(
                        tuple("status", "OPEN", "PARTIALLY RECEIVED"),
                        tuple("external_id", null, "WMS-77"),
                        tuple("line 1 received", "0", "5.123456"),
                        tuple("line 1 received_date", null, "2026-02-03"));
        assertThat(syncWriter.status(order.id()).state()).isEqualTo("in_step");

        assertThatThrownBy(() -> orders.changeStatus(order.id(), "CLOSED", ANNA))
                .isInstanceOf(OrderReadOnlyException.class);

        assertThat(second.ordersChecked()).isEqualTo(1);
        assertThat(second.ordersChanged()).isZero();
        assertThat(second.linesChanged()).isZero();
        assertThat(syncChanges(order)).hasSize(4);
    }

    @Test
    void aDownstreamQuantityAndExpectedDateArriveExactly() throws SQLException {
        StockOrder order = savedOrder();
        downstream(
                "update %s set \"REPLENISHMENT\" = ? where \"ID\" = ? and \"LINE_ITEM_ID\" = '2'",
                new BigDecimal("7.000001"), order.id().toString());
        downstream(
                "update %s set \"EXPECTED_DATE\" = ? where \"ID\" = ?",
                LocalDate.of(2026, 3, 1), order.id().toString());

        SyncResult result = sync();

        assertThat(result.linesChanged()).isEqualTo(1);
        assertThat(orders.get(order.id()).expectedDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(orders.lines(order.id()).getLast().replenishment()).isEqualByComparingTo("7.000001");
        assertThat(syncChanges(order))
                .containsExactlyInAnyOrder(
                        tuple("expected_date", "2026-01-31", "2026-03-01"),
                        tuple("line 2 replenishment", "0.000001", "7.000001"));
    }

    @Test
    void aLineWhoseRowWasDeletedDownstreamIsFlaggedRemovedNotDeleted() throws SQLException {
        StockOrder order = savedOrder();
        downstream(
                "delete from %s where \"ID\" = ? and \"LINE_ITEM_ID\" = '1'",
                order.id().toString());

        SyncResult result = sync();

        assertThat(result.linesChanged()).isEqualTo(1);
        assertThat(orders.lines(order.id()))
                .extracting(StockOrderLine::lineItemId, StockOrderLine::removed)
                .containsExactly(tuple("1", true), tuple("2", false));
    }

    @Test
    void anOrderWhoseRowsWereDeletedDownstreamIsFlaggedNotDeleted() throws SQLException {
        StockOrder order = savedOrder();
        downstream("delete from %s where \"ID\" = ?", order.id().toString());

        SyncResult first = sync();
        SyncResult second = sync();

        assertThat(first.ordersChanged()).isEqualTo(1);
        assertThat(first.problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.reference()).isEqualTo(order.reference()));
        assertThat(orders.find(order.id())).isPresent();
        assertThat(orders.lines(order.id())).hasSize(2).noneMatch(StockOrderLine::removed);
        assertThat(syncWriter.status(order.id()).state()).isEqualTo("missing");
        assertThat(syncChanges(order)).containsExactly(tuple("sync_state", null, "missing"));
        assertThat(second.ordersChanged()).isZero();
        assertThat(second.problems()).hasSize(1);
        assertThat(syncChanges(order)).hasSize(1);
    }

    @Test
    void aLineRemovedDownstreamIsFlaggedRemoved() throws SQLException {
        StockOrder order = savedOrder();
        downstream(
                "update %s set \"REMOVED\" = true where \"ID\" = ? and \"LINE_ITEM_ID\" = '2'",
                order.id().toString());

        SyncResult result = sync();

        assertThat(result.linesChanged()).isEqualTo(1);
        assertThat(orders.lines(order.id()))
                .extracting(StockOrderLine::lineItemId, StockOrderLine::removed)
                .containsExactly(tuple("1", false), tuple("2", true));
        assertThat(syncChanges(order)).containsExactly(tuple("line 2 removed", "false", "true"));
    }

    @Test
    void aLineAddedDownstreamAppearsWithItsVariant() throws SQLException {
        StockOrder order = savedOrder();
        long bowl = fixtures.variant("SKU-3", "Bowl", "123");
        downstream(
                "insert into %s (\"ID\", \"STATUS\", \"LINE_ITEM_ID\", \"SKU\", \"REPLENISHMENT\", \"RECEIVED\")"
                        + " values (?, 'OPEN', 'W-1', 'SKU-3', 4.5, 0)",
                order.id().toString());

        SyncResult result = sync();

        assertThat(result.linesChanged()).isEqualTo(1);
        StockOrderLine added = orders.lines(order.id()).getLast();
        assertThat(added.lineItemId()).isEqualTo("W-1");
        assertThat(added.variantId()).isEqualTo(bowl);
        assertThat(added.title()).isEqualTo("Bowl");
        assertThat(added.replenishment()).isEqualByComparingTo("4.5");
        assertThat(syncChanges(order)).containsExactly(tuple("line W-1", null, "4.5"));
        assertThat(sync().linesChanged()).isZero();
    }

    @Test
    void anUnknownStatusIsReportedAndNotApplied() throws SQLException {
        StockOrder order = savedOrder();
        downstream(
                "update %s set \"STATUS\" = 'ON HOLD' where \"ID\" = ?",
                order.id().toString());

        SyncResult result = sync();

        assertThat(result.ordersChanged()).isZero();
        assertThat(result.problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("'ON HOLD'"));
        assertThat(orders.get(order.id()).status()).isEqualTo("OPEN");
        assertThat(syncWriter.status(order.id()).state()).isEqualTo("problem");
        assertThat(syncWriter.status(order.id()).problem()).contains("'ON HOLD'");
        assertThat(syncChanges(order)).isEmpty();
    }

    @Test
    void rowsThatDisagreeOnTheExternalIdAreReportedAndNotApplied() throws SQLException {
        StockOrder order = savedOrder();
        downstream(
                "update %s set \"EXTERNAL_ID\" = case when \"LINE_ITEM_ID\" = '1' then 'A' else 'B' end"
                        + " where \"ID\" = ?",
                order.id().toString());

        SyncResult result = sync();

        assertThat(result.problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("EXTERNAL_ID"));
        assertThat(orders.get(order.id()).externalId()).isNull();
    }

    /**
     * A value Restock's database refuses (a negative quantity) fails that order's transaction:
     * none of its changes are applied, not even the valid ones, and the next order still syncs.
     */
    @Test
    void aFailureApplyingOneOrderLeavesItUnchangedAndSyncsTheOthers() throws SQLException {
        StockOrder broken = savedOrder();
        StockOrder fine = savedOrderLike(broken);
        downstream(
                "update %s set \"RECEIVED\" = 3 where \"ID\" = ?", broken.id().toString());
        downstream(
                "update %s set \"REPLENISHMENT\" = -1 where \"ID\" = ? and \"LINE_ITEM_ID\" = '2'",
                broken.id().toString());
        downstream("update %s set \"RECEIVED\" = 2 where \"ID\" = ?", fine.id().toString());

        SyncResult result = sync();

        assertThat(result.ordersChecked()).isEqualTo(2);
        assertThat(result.ordersChanged()).isEqualTo(1);
        assertThat(result.problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.reference()).isEqualTo(broken.reference()));
        assertThat(orders.lines(broken.id()))
                .allSatisfy(line -> assertThat(line.received()).isZero());
        assertThat(syncChanges(broken)).isEmpty();
        assertThat(syncWriter.status(broken.id()).problem()).contains("left unchanged");
        assertThat(orders.lines(fine.id()))
                .allSatisfy(line -> assertThat(line.received()).isEqualByComparingTo("2"));
    }

    /**
     * The changed orders of a batch are applied in one transaction, yet each keeps its own history
     * rows and its own event with only its changes; an unchanged order in the batch gets neither.
     */
    @Test
    void ordersChangedInOneBatchEachGetTheirOwnHistoryAndEvent() throws SQLException {
        StockOrder received = savedOrder();
        StockOrder renamed = savedOrderLike(received);
        StockOrder quiet = savedOrderLike(received);
        downstream(
                "update %s set \"RECEIVED\" = 2 where \"ID\" = ?", received.id().toString());
        downstream(
                "update %s set \"EXTERNAL_ID\" = 'WMS-9' where \"ID\" = ?",
                renamed.id().toString());
        long beforeSync = lastEventPosition();

        SyncResult first = syncInOneBatch();
        SyncResult second = syncInOneBatch();

        assertThat(first.ordersChecked()).isEqualTo(3);
        assertThat(first.ordersChanged()).isEqualTo(2);
        assertThat(first.linesChanged()).isEqualTo(2);
        assertThat(syncChanges(received))
                .containsExactlyInAnyOrder(tuple("line 1 received", "0", "2"), tuple("line 2 received", "0", "2"));
        assertThat(syncChanges(renamed)).containsExactly(tuple("external_id", null, "WMS-9"));
        assertThat(syncChanges(quiet)).isEmpty();
        assertThat(syncEvents(received, beforeSync)).containsExactly("stock_order.received 2 changes, externalId null");
        assertThat(syncEvents(renamed, beforeSync)).containsExactly("stock_order.updated 1 changes, externalId WMS-9");
        assertThat(syncEvents(quiet, beforeSync)).isEmpty();
        assertThat(orders.get(renamed.id()).externalId()).isEqualTo("WMS-9");
        assertThat(syncWriter.status(quiet.id()).state()).isEqualTo("in_step");
        assertThat(second.ordersChanged()).isZero();
        assertThat(syncEvents(received, beforeSync)).hasSize(1);
    }

    /** One order Restock refuses fails the batch's transaction; the batch is then applied order by order. */
    @Test
    void aFailureInABatchLeavesOnlyTheFailingOrderUnchanged() throws SQLException {
        StockOrder broken = savedOrder();
        StockOrder fine = savedOrderLike(broken);
        downstream(
                "update %s set \"RECEIVED\" = 3 where \"ID\" = ?", broken.id().toString());
        downstream(
                "update %s set \"REPLENISHMENT\" = -1 where \"ID\" = ? and \"LINE_ITEM_ID\" = '2'",
                broken.id().toString());
        downstream("update %s set \"RECEIVED\" = 2 where \"ID\" = ?", fine.id().toString());
        long beforeSync = lastEventPosition();

        SyncResult result = syncInOneBatch();

        assertThat(result.ordersChanged()).isEqualTo(1);
        assertThat(result.problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.reference()).isEqualTo(broken.reference()));
        assertThat(orders.lines(broken.id()))
                .allSatisfy(line -> assertThat(line.received()).isZero());
        assertThat(syncChanges(broken)).isEmpty();
        assertThat(syncEvents(broken, beforeSync)).isEmpty();
        assertThat(orders.lines(fine.id()))
                .allSatisfy(line -> assertThat(line.received()).isEqualByComparingTo("2"));
        assertThat(syncChanges(fine)).hasSize(2);
        assertThat(syncEvents(fine, beforeSync)).hasSize(1);
    }

    /**
     * The next batch is read while the current one is applied: a read that fails stops the pass,
     * the batches before it stay applied, and nothing after it is read or applied.
     */
    @Test
    void aReadFailingMidPassStopsThePassAndKeepsTheBatchesAppliedBefore() throws SQLException {
        StockOrder first = savedOrder();
        StockOrder second = savedOrderLike(first);
        StockOrder third = savedOrderLike(first);
        for (StockOrder order : List.of(first, second, third)) {
            downstream(
                    "update %s set \"RECEIVED\" = 2 where \"ID\" = ?",
                    order.id().toString());
        }
        opener.fail("^select .* where .* in \\(", 1, FaultyOpener.Effect.FAIL);

        assertThatThrownBy(this::sync)
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("Orders applied before stay applied");

        List<StockOrder> inOrder = List.of(first, second, third).stream()
                .sorted(java.util.Comparator.comparing(StockOrder::createdAt).thenComparing(StockOrder::id))
                .toList();
        assertThat(orders.lines(inOrder.get(0).id()))
                .allSatisfy(line -> assertThat(line.received()).isEqualByComparingTo("2"));
        assertThat(orders.lines(inOrder.get(1).id()))
                .allSatisfy(line -> assertThat(line.received()).isZero());
        assertThat(orders.lines(inOrder.get(2).id()))
                .allSatisfy(line -> assertThat(line.received()).isZero());
        assertThat(sync().ordersChanged()).isEqualTo(2);
    }

    @Test
    void closedOrdersAreNoLongerRead() throws SQLException {
        StockOrder order = savedOrder();
        downstream(
                "update %s set \"STATUS\" = 'CLOSED' where \"ID\" = ?",
                order.id().toString());
        assertThat(sync().ordersChanged()).isEqualTo(1);

        downstream("delete from %s where \"ID\" = ?", order.id().toString());
        SyncResult afterClosing = sync();

        assertThat(afterClosing.ordersChecked()).isZero();
        assertThat(syncWriter.status(order.id()).state()).isEqualTo("in_step");
    }

    /**
     * A table that maintains UPDATED_AT is read by cursor: only orders with a row changed since
     * the cursor (less the overlap window, which also catches a row committed late with an older
     * UPDATED_AT) are read, until the next full pass reads every open order again.
     */
    @Test
    void aPassByCursorReadsOnlyOrdersChangedSinceTheCursorWithAnOverlap() throws SQLException {
        connections.save(connection(TABLE).withUpdatedAtMaintained(true));
        StockOrder changed = savedOrder();
        StockOrder late = savedOrderLike(changed);
        StockOrder quiet = savedOrderLike(changed);
        MutableClock time = new MutableClock(clock.instant());
        OrderSync sync = sync(time);
        SyncResult first = sync.sync(CONNECTION);
        time.advance(Duration.ofMinutes(20));
        SyncResult settled = sync.sync(CONNECTION);
        Instant cursor = maxUpdatedAt();

        time.advance(Duration.ofMinutes(20));
        // A change whose UPDATED_AT moved on, one committed late with an UPDATED_AT just before
        // the cursor, and one whose UPDATED_AT is far older than the cursor: not read by cursor.
        downstream(
                "update %s set \"RECEIVED\" = 2, \"UPDATED_AT\" = ? where \"ID\" = ?",
                utc(time.instant()), changed.id().toString());
        downstream(
                "update %s set \"RECEIVED\" = 3, \"UPDATED_AT\" = ? where \"ID\" = ?",
                utc(cursor.minus(Duration.ofMinutes(5))), late.id().toString());
        downstream(
                "update %s set \"RECEIVED\" = 4, \"UPDATED_AT\" = ? where \"ID\" = ?",
                utc(cursor.minus(Duration.ofDays(1))), quiet.id().toString());
        SyncResult byCursor = sync.sync(CONNECTION);
        SyncResult again = sync.sync(CONNECTION);
        time.advance(Duration.ofHours(1));
        SyncResult full = sync.sync(CONNECTION);

        assertThat(first.fullPass()).isTrue();
        assertThat(first.ordersChecked()).isEqualTo(3);
        assertThat(settled.fullPass()).isFalse();
        assertThat(settled.ordersChanged()).isZero();
        assertThat(byCursor.fullPass()).isFalse();
        assertThat(byCursor.ordersChecked()).isEqualTo(2);
        assertThat(byCursor.ordersChanged()).isEqualTo(2);
        assertThat(orders.lines(changed.id()))
                .allSatisfy(line -> assertThat(line.received()).isEqualByComparingTo("2"));
        assertThat(orders.lines(late.id()))
                .allSatisfy(line -> assertThat(line.received()).isEqualByComparingTo("3"));
        assertThat(again.ordersChanged()).isZero();
        assertThat(full.fullPass()).isTrue();
        assertThat(full.ordersChecked()).isEqualTo(3);
        assertThat(full.ordersChanged()).isEqualTo(1);
        assertThat(orders.lines(quiet.id()))
                .allSatisfy(line -> assertThat(line.received()).isEqualByComparingTo("4"));
        assertThat(syncChanges(changed)).hasSize(2);
    }

    /**
     * A pass writes only the orders it changes: an order as the connection holds it keeps its row
     * (same row version, same {@code last_synced_at}), and its last-synced time is the start of the
     * last completed pass over its table.
     */
    @Test
    void anOrderWithNothingToApplyIsNotWrittenAndReportsTheLastPassAsSynced() throws SQLException {
        StockOrder changed = savedOrder();
        StockOrder quiet = savedOrderLike(changed);
        // Whole milliseconds, so that times read back from a timestamptz compare equal.
        MutableClock time = new MutableClock(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        OrderSyncWriter writer = new OrderSyncWriter(jdbc, transaction, events, time);
        OrderSync sync = syncInOneBatch(writer, time);
        Instant firstPass = time.instant();
        sync.sync(CONNECTION);
        String quietVersion = rowVersion(quiet);
        time.advance(Duration.ofMinutes(5));
        Instant secondPass = time.instant();
        downstream(
                "update %s set \"RECEIVED\" = 2 where \"ID\" = ?", changed.id().toString());

        SyncResult second = sync.sync(CONNECTION);

        assertThat(second.ordersChecked()).isEqualTo(2);
        assertThat(second.ordersChanged()).isEqualTo(1);
        assertThat(rowVersion(quiet)).isEqualTo(quietVersion);
        assertThat(ownLastSyncedAt(quiet)).isEqualTo(firstPass);
        assertThat(writer.status(quiet.id())).isEqualTo(new OrderSyncWriter.SyncStatus("in_step", null, secondPass));
        assertThat(ownLastSyncedAt(changed)).isEqualTo(secondPass);
        assertThat(writer.status(changed.id()).syncedAt()).isEqualTo(secondPass);
    }

    /** Passes no longer read a closed order, so they do not move the time it was last synced. */
    @Test
    void aClosedOrderKeepsTheTimeItWasLastSynced() throws SQLException {
        StockOrder closed = savedOrder();
        StockOrder open = savedOrderLike(closed);
        // Whole milliseconds, so that times read back from a timestamptz compare equal.
        MutableClock time = new MutableClock(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        OrderSyncWriter writer = new OrderSyncWriter(jdbc, transaction, events, time);
        OrderSync sync = syncInOneBatch(writer, time);
        downstream(
                "update %s set \"STATUS\" = 'CLOSED' where \"ID\" = ?",
                closed.id().toString());
        Instant closing = time.instant();
        sync.sync(CONNECTION);
        time.advance(Duration.ofMinutes(5));

        sync.sync(CONNECTION);

        assertThat(writer.status(closed.id()).syncedAt()).isEqualTo(closing);
        assertThat(writer.status(open.id()).syncedAt()).isEqualTo(time.instant());
    }

    /** An order that keeps its problem is reported on every pass but written only when it moves. */
    @Test
    void anOrderThatKeepsItsProblemIsReportedEachPassButWrittenOnce() throws SQLException {
        StockOrder order = savedOrder();
        downstream(
                "update %s set \"STATUS\" = 'ON HOLD' where \"ID\" = ?",
                order.id().toString());
        SyncResult first = sync();
        String version = rowVersion(order);

        SyncResult second = sync();

        assertThat(first.problems()).hasSize(1);
        assertThat(second.problems()).isEqualTo(first.problems());
        assertThat(rowVersion(order)).isEqualTo(version);
        assertThat(syncWriter.status(order.id()).state()).isEqualTo("problem");
    }

    /** A batch of one id: every order is its own SELECT, so batch edges are crossed. */
    SyncResult sync() {
        return sync(clock).sync(CONNECTION);
    }

    /** Every order in one batch, as a real pass reads them (up to 500 per batch). */
    SyncResult syncInOneBatch() {
        return syncInOneBatch(syncWriter, clock).sync(CONNECTION);
    }

    OrderSync syncInOneBatch(OrderSyncWriter writer, java.time.Clock time) {
        return new OrderSync(
                connections,
                writer,
                opener,
                new SyncCursors(jdbc),
                time,
                new OrderSync.Settings(OrderSync.BATCH_SIZE, Duration.ofMinutes(10), Duration.ofHours(1)));
    }

    /** PostgreSQL's row version of the order: any UPDATE of the row changes it, a lock does not. */
    String rowVersion(StockOrder order) {
        return jdbc.sql("select xmin::text from stock_orders where id = ?")
                .param(order.id())
                .query(String.class)
                .single();
    }

    /** The order's own {@code last_synced_at}: when sync last wrote it. */
    Instant ownLastSyncedAt(StockOrder order) {
        return jdbc.sql("select last_synced_at from stock_orders where id = ?")
                .param(order.id())
                .query((rs, rowNum) ->
                        rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
                .single();
    }

    long lastEventPosition() {
        return jdbc.sql("select coalesce(max(position), 0) from outbox_events")
                .query(Long.class)
                .single();
    }

    /** The order's events after {@code position}: type, number of changes and the external id it carries. */
    List<String> syncEvents(StockOrder order, long position) {
        return jdbc.sql("""
                select type || ' ' || json_array_length(payload -> 'changes') || ' changes, externalId '
                       || coalesce(payload -> 'order' ->> 'externalId', 'null')
                from outbox_events
                where subject = ? and position > ?
                order by position
                """)
                .params(order.id().toString(), position)
                .query(String.class)
                .list();
    }

    OrderSync sync(java.time.Clock time) {
        return new OrderSync(
                connections,
                syncWriter,
                opener,
                new SyncCursors(jdbc),
                time,
                new OrderSync.Settings(1, Duration.ofMinutes(10), Duration.ofHours(1)));
    }

    Instant maxUpdatedAt() throws SQLException {
        try (java.sql.Connection target = inspect();
                var rs = target.createStatement()
                        .executeQuery(
                                "select max(\"UPDATED_AT\") from " + dialect().quoteTable(TABLE))) {
            rs.next();
            return rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        }
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    StockOrder savedOrder() {
        StockOrder order = orderWithTwoLines();
        pusher().push(order.id(), CONNECTION, ANNA);
        return orders.get(order.id());
    }

    /** Another saved order with the same variants and quantities as {@code model}. */
    StockOrder savedOrderLike(StockOrder model) {
        StockOrder order = orders.create(NewStockOrder.purchase(warehouse, vendor, "EUR"), ANNA);
        for (StockOrderLine line : orders.lines(model.id())) {
            orders.addLine(order.id(), line.variantId(), line.replenishment(), line.costPrice(), ANNA);
        }
        pusher().push(order.id(), CONNECTION, ANNA);
        return orders.get(order.id());
    }

    /** Runs a statement on the table as a downstream system would; {@code %s} is the table. */
    void downstream(String sql, Object... params) throws SQLException {
        try (java.sql.Connection target = inspect();
                PreparedStatement statement =
                        target.prepareStatement(sql.formatted(dialect().quoteTable(TABLE)))) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    List<org.assertj.core.groups.Tuple> syncChanges(StockOrder order) {
        return history.of(order.id()).stream()
                .filter(change -> change.actor().type() == Actor.Type.SYNC)
                .map(change -> tuple(change.field(), change.oldValue(), change.newValue()))
                .toList();
    }
}
