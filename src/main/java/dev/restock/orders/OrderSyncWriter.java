package dev.restock.orders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

// TODO(#4): a full sync pass on PostgreSQL is 3.16x a plain SELECT on a nearly quiet machine (target 3x;
// DuckDB 2.5x): every pass locks and writes every order's row (last_synced_at); compare without a lock
// first and write only orders that changed, keeping the last full pass per table in sync_cursors.
/**
 * The one writer of saved orders: applies what sync read back from a connection. Saved orders
 * are read-only for users ({@link StockOrders} refuses them); this class is how the connection's
 * changes get in, each order with its history rows (actor {@code sync}) and its outbox event in
 * the same transaction, so a crash never leaves half an order applied. The orders of a batch
 * are applied together ({@link #applyAll}). Thread-safe.
 */
@Component
public class OrderSyncWriter {

    /** Where an order stood after the last sync: {@code in_step}, {@code problem} or {@code missing}. */
    public record SyncStatus(String state, String problem, Instant syncedAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SyncPlanWriter writer;
    private final OrderEvents events;
    private final Clock clock;

    public OrderSyncWriter(JdbcClient jdbc, TransactionTemplate transaction, OrderEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.writer = new SyncPlanWriter(jdbc);
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
        return applyAll(connection, List.of(downstream))
                .getOrDefault(downstream.orderId(), new SyncOutcome(0, 0, List.of()));
    }

    /**
     * Applies the rows read back for several orders in one transaction, as {@link #apply} does for
     * one, with a few set-based statements for the whole batch (see {@link SyncPlanWriter}): the
     * orders are locked first (in id order, so two passes cannot deadlock) and compared with
     * Restock as it is under the lock, so a change made meanwhile is never overwritten unseen.
     * Each changed order gets its history rows and its own outbox event; an order with nothing to
     * apply gets only its {@code last_synced_at}. If any order fails, none of the batch is
     * applied; the caller may then apply them one by one.
     *
     * @return what changed, by order id; orders no longer saved to {@code connection} are left
     *     out
     */
    public Map<UUID, SyncOutcome> applyAll(String connection, List<DownstreamOrder> downstream) {
        if (downstream.isEmpty()) {
            return Map.of();
        }
        return transaction.execute(status -> {
            Map<UUID, SyncPlan.OrderState> locked = orderStates(connection, downstream, true);
            Map<UUID, List<SyncPlan.LineState>> lines = lineStates(locked.keySet());
            SyncPlanner planner = new SyncPlanner(statuses(), this::variant);
            List<SyncPlan> plans = new ArrayList<>();
            for (DownstreamOrder order : downstream) {
                SyncPlan.OrderState state = locked.get(order.orderId());
                if (state != null) {
                    plans.add(planner.plan(state, lines.getOrDefault(state.id(), List.of()), order));
                }
            }
            Actor actor = Actor.sync(connection);
            Instant now = clock.instant();
            writer.write(plans, actor, now);
            events.changedAll(changes(plans, actor, now));
            Map<UUID, SyncOutcome> outcomes = new LinkedHashMap<>();
            plans.forEach(plan -> outcomes.put(plan.orderId(), plan.outcome()));
            return outcomes;
        });
    }

    /**
     * The orders of a batch that certainly have nothing to apply, checked with two queries for the
     * whole batch and no lock (when a batch could not be applied together, so that only the others
     * are applied one by one): in step at the last sync, and nothing {@link #applyAll} would change
     * or report. Their {@code last_synced_at} is set; anything else is left for {@link #applyAll},
     * which checks again under the lock.
     */
    public Set<UUID> unchanged(String connection, List<DownstreamOrder> batch) {
        Map<UUID, SyncPlan.OrderState> orders = orderStates(connection, batch, false);
        Map<UUID, List<SyncPlan.LineState>> lines = lineStates(orders.keySet());
        // A line added downstream is a change whatever its variant: no need to look it up here.
        SyncPlanner planner = new SyncPlanner(statuses(), row -> null);
        Set<UUID> unchanged = new HashSet<>();
        for (DownstreamOrder downstream : batch) {
            SyncPlan.OrderState order = orders.get(downstream.orderId());
            if (order != null
                    && planner.plan(order, lines.getOrDefault(order.id(), List.of()), downstream)
                            .nothingToApply()) {
                unchanged.add(order.id());
            }
        }
        if (!unchanged.isEmpty()) {
            jdbc.sql("update stock_orders set last_synced_at = ? where id = any(?)")
                    .params(now(), unchanged.toArray(UUID[]::new))
                    .update();
        }
        return unchanged;
    }

    private static Map<UUID, List<OrderHistory.Change>> changes(List<SyncPlan> plans, Actor actor, Instant now) {
        Map<UUID, List<OrderHistory.Change>> changes = new LinkedHashMap<>();
        for (SyncPlan plan : plans) {
            changes.put(
                    plan.orderId(),
                    plan.history().stream()
                            .map(entry -> new OrderHistory.Change(
                                    plan.orderId(),
                                    now,
                                    actor,
                                    entry.field(),
                                    OrderHistory.text(entry.oldValue()),
                                    OrderHistory.text(entry.newValue())))
                            .toList());
        }
        return changes;
    }

    /**
     * The sync fields of the batch's orders still saved to {@code connection}; locked if asked.
     * The ids are joined as a table rather than tested with {@code id = any(?)}: once PostgreSQL
     * caches a generic plan for the statement it scans the connection's saved orders (index
     * {@code stock_orders_saved_to}) and tests each against the whole array, about 80 ms a batch
     * of 500 among 10,000 saved orders, where the join takes 3 ms.
     */
    private Map<UUID, SyncPlan.OrderState> orderStates(String connection, List<DownstreamOrder> batch, boolean lock) {
        UUID[] ids = batch.stream().map(DownstreamOrder::orderId).toArray(UUID[]::new);
        Map<UUID, SyncPlan.OrderState> states = new HashMap<>();
        jdbc.sql("""
                        select o.id, o.status, o.external_id, o.expected_date, o.sync_state
                        from stock_orders o join unnest(cast(? as uuid[])) as batch(id) on batch.id = o.id
                        where o.save_state = 'saved' and o.saved_to = ?
                        """ + (lock ? " order by o.id for update of o" : ""))
                .params(ids, connection)
                .query((rs, rowNum) -> new SyncPlan.OrderState(
                        rs.getObject("id", UUID.class),
                        rs.getString("status"),
                        rs.getString("external_id"),
                        rs.getObject("expected_date", LocalDate.class),
                        rs.getString("sync_state")))
                .list()
                .forEach(state -> states.put(state.id(), state));
        return states;
    }

    /** Only the columns sync compares; the order locks (or the check after it) cover the lines. */
    private Map<UUID, List<SyncPlan.LineState>> lineStates(Set<UUID> orderIds) {
        Map<UUID, List<SyncPlan.LineState>> lines = new HashMap<>();
        if (orderIds.isEmpty()) {
            return lines;
        }
        jdbc.sql("""
                select order_id, line_item_id, replenishment, received, received_date, removed
                from stock_order_lines where order_id = any(?)
                """)
                .param(orderIds.toArray(UUID[]::new))
                .query((rs, rowNum) -> {
                    lines.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new SyncPlan.LineState(
                                    rs.getString(2),
                                    rs.getBigDecimal(3),
                                    rs.getBigDecimal(4),
                                    rs.getObject(5, LocalDate.class),
                                    rs.getBoolean(6)));
                    return null;
                })
                .list();
        return lines;
    }

    private List<String> statuses() {
        return jdbc.sql("select name from order_statuses").query(String.class).list();
    }

    private SyncPlanner.Variant variant(DownstreamRow row) {
        String byId = "select id, sku, title, barcode from variants where id = ?";
        if (row.variantId() != null && row.variantId().matches("\\d{1,18}")) {
            Optional<SyncPlanner.Variant> found = jdbc.sql(byId)
                    .param(Long.parseLong(row.variantId()))
                    .query(OrderSyncWriter::variant)
                    .optional();
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (row.sku() == null) {
            return null;
        }
        return jdbc.sql("select id, sku, title, barcode from variants where sku = ?")
                .param(row.sku())
                .query(OrderSyncWriter::variant)
                .optional()
                .orElse(null);
    }

    private static SyncPlanner.Variant variant(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new SyncPlanner.Variant(
                rs.getLong("id"), rs.getString("sku"), rs.getString("title"), rs.getString("barcode"));
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

    private OffsetDateTime now() {
        return StockOrderRows.utc(clock.instant());
    }
}
