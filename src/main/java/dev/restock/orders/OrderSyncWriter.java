package dev.restock.orders;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

// TODO(#4): a full sync pass is 8-21x a plain SELECT (target 3x): changed orders are applied one locked
// transaction each; apply a batch's changes in a few set-based statements.
/**
 * The one writer of saved orders: applies what sync read back from a connection. Saved orders
 * are read-only for users ({@link StockOrders} refuses them); this class is how the connection's
 * changes get in, each order in one transaction with its history rows (actor {@code sync}), so a
 * crash never leaves half an order applied. Thread-safe.
 */
@Component
public class OrderSyncWriter {

    /** Where an order stood after the last sync: {@code in_step}, {@code problem} or {@code missing}. */
    public record SyncStatus(String state, String problem, Instant syncedAt) {}

    private static final String MISSING = "missing";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final OrderHistory history;
    private final DownstreamLines lines;
    private final OrderEvents events;
    private final Clock clock;

    public OrderSyncWriter(
            JdbcClient jdbc, TransactionTemplate transaction, OrderHistory history, OrderEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.history = history;
        this.lines = new DownstreamLines(jdbc, history);
        this.events = events;
        this.clock = clock;
    }

    /** Orders saved to the connection whose status is neither closed nor cancelled, oldest first. */
    public List<StockOrder> syncable(String connection) {
        return jdbc.sql("select " + StockOrderRows.ORDER_COLUMNS + """
                         where o.save_state = 'saved' and o.saved_to = ? and s.type not in ('closed', 'cancelled')
                        order by o.created_at, o.id
                        """)
                .param(connection)
                .query(StockOrderRows::order)
                .list();
    }

    /** The connections that hold saved orders which are neither closed nor cancelled. */
    public List<String> connectionsToSync() {
        return jdbc.sql("""
                select distinct o.saved_to from stock_orders o join order_statuses s on s.name = o.status
                where o.save_state = 'saved' and s.type not in ('closed', 'cancelled')
                order by o.saved_to
                """).query(String.class).list();
    }

    /**
     * Applies the rows read back for one order, in one transaction, with the outbox event of what
     * changed ({@code stock_order.updated}, {@code .received} or {@code .closed}, see {@link
     * OrderEvents}). No rows flags the order {@code missing}. An order no longer saved to {@code
     * connection} is left alone.
     */
    public SyncOutcome apply(String connection, DownstreamOrder downstream) {
        return transaction.execute(status -> {
            Optional<StockOrder> locked = lockSaved(connection, downstream.orderId());
            if (locked.isEmpty()) {
                return new SyncOutcome(0, 0, List.of());
            }
            StockOrder order = locked.get();
            long mark = history.mark(order.id());
            SyncOutcome outcome = applyLocked(order, connection, downstream);
            events.changed(order.id(), mark);
            return outcome;
        });
    }

    private SyncOutcome applyLocked(StockOrder order, String connection, DownstreamOrder downstream) {
        Actor actor = Actor.sync(connection);
        String previousState = status(order.id()).state();
        if (downstream.rows().isEmpty()) {
            return flagMissing(order, previousState, actor);
        }

        List<String> problems = new ArrayList<>();
        int fields = MISSING.equals(previousState) ? setState(order, previousState, "in_step", actor) : 0;
        fields += new DownstreamHeader(jdbc, history).apply(order, downstream, actor, problems);
        int changedLines = lines.apply(order.id(), downstream.rows(), actor, problems);
        recordState(order.id(), problems);
        return new SyncOutcome(fields, changedLines, problems);
    }

    /**
     * The orders of a batch that certainly have nothing to apply, checked with two queries for the
     * whole batch instead of a locked transaction per order: in step at the last sync, and every
     * row agreeing with Restock (a NULL counts as agreeing, as {@link #apply} keeps the value), one
     * row per line. Their {@code last_synced_at} is set; anything else is left for {@link #apply}.
     */
    public java.util.Set<UUID> unchanged(String connection, List<DownstreamOrder> batch) {
        java.util.Map<UUID, DownstreamOrder> byId = new java.util.HashMap<>();
        batch.forEach(order -> byId.put(order.orderId(), order));
        UUID[] ids = byId.keySet().toArray(UUID[]::new);
        java.util.Map<UUID, java.util.Map<String, StockOrderLine>> lines = new java.util.HashMap<>();
        jdbc.sql("select * from stock_order_lines where order_id = any(?)")
                .param(ids)
                .query(StockOrderRows::line)
                .list()
                .forEach(line -> lines.computeIfAbsent(line.orderId(), id -> new java.util.HashMap<>())
                        .put(line.lineItemId(), line));
        java.util.Set<UUID> unchanged = new java.util.HashSet<>();
        jdbc.sql("select " + StockOrderRows.ORDER_COLUMNS
                        + " where o.id = any(?) and o.save_state = 'saved' and o.saved_to = ?"
                        + " and o.sync_state = 'in_step'")
                .params(ids, connection)
                .query(StockOrderRows::order)
                .list()
                .forEach(order -> {
                    if (agrees(order, byId.get(order.id()), lines.getOrDefault(order.id(), java.util.Map.of()))) {
                        unchanged.add(order.id());
                    }
                });
        if (!unchanged.isEmpty()) {
            jdbc.sql("update stock_orders set last_synced_at = ? where id = any(?)")
                    .params(now(), unchanged.toArray(UUID[]::new))
                    .update();
        }
        return unchanged;
    }

    private static boolean agrees(
            StockOrder order, DownstreamOrder downstream, java.util.Map<String, StockOrderLine> lines) {
        List<DownstreamRow> rows = downstream.rows();
        if (rows.size() != lines.size()) {
            return false;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (DownstreamRow row : rows) {
            StockOrderLine line = lines.get(row.lineItemId());
            if (line == null || !seen.add(row.lineItemId())) {
                return false;
            }
            boolean same = (row.status() == null || row.status().equalsIgnoreCase(order.status()))
                    && (row.externalId() == null || row.externalId().equals(order.externalId()))
                    && (row.expectedDate() == null || row.expectedDate().equals(order.expectedDate()))
                    && sameDecimal(row.replenishment(), line.replenishment())
                    && sameDecimal(row.received(), line.received())
                    && (row.receivedDate() == null || row.receivedDate().equals(line.receivedDate()))
                    && (row.removed() == null || row.removed() == line.removed());
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameDecimal(java.math.BigDecimal downstream, java.math.BigDecimal current) {
        return downstream == null || (current != null && downstream.compareTo(current) == 0);
    }

    /** Records a failure to apply an order (its own transaction rolled back) as its sync problem. */
    public void recordFailure(UUID orderId, String problem) {
        jdbc.sql("""
                update stock_orders set sync_state = 'problem', last_sync_problem = ?, last_synced_at = ?
                where id = ?
                """).params(problem, now(), orderId).update();
    }

    public SyncStatus status(UUID orderId) {
        return jdbc.sql("select sync_state, last_sync_problem, last_synced_at from stock_orders where id = ?")
                .param(orderId)
                .query((rs, rowNum) -> {
                    OffsetDateTime at = rs.getObject("last_synced_at", OffsetDateTime.class);
                    return new SyncStatus(
                            rs.getString("sync_state"),
                            rs.getString("last_sync_problem"),
                            at == null ? null : at.toInstant());
                })
                .single();
    }

    private Optional<StockOrder> lockSaved(String connection, UUID orderId) {
        return jdbc.sql("select " + StockOrderRows.ORDER_COLUMNS
                        + " where o.id = ? and o.save_state = 'saved' and o.saved_to = ? for update of o")
                .params(orderId, connection)
                .query(StockOrderRows::order)
                .optional();
    }

    private SyncOutcome flagMissing(StockOrder order, String previousState, Actor actor) {
        String problem = "its rows are no longer in the connection's table; the order was kept";
        int changed = MISSING.equals(previousState) ? 0 : setState(order, previousState, MISSING, actor);
        jdbc.sql("update stock_orders set last_sync_problem = ?, last_synced_at = ? where id = ?")
                .params(problem, now(), order.id())
                .update();
        return new SyncOutcome(changed, 0, List.of(problem));
    }

    /** Moving into or out of {@code missing} is news for the order's history; the rest is bookkeeping. */
    private int setState(StockOrder order, String previousState, String state, Actor actor) {
        jdbc.sql("update stock_orders set sync_state = ? where id = ?")
                .params(state, order.id())
                .update();
        history.record(order.id(), actor, "sync_state", previousState, state);
        return 1;
    }

    private void recordState(UUID orderId, List<String> problems) {
        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        jdbc.sql("""
                update stock_orders set sync_state = ?, last_sync_problem = ?, last_synced_at = ?
                where id = ?
                """)
                .params(problem == null ? "in_step" : "problem", problem, now(), orderId)
                .update();
    }

    private OffsetDateTime now() {
        return StockOrderRows.utc(clock.instant());
    }
}
