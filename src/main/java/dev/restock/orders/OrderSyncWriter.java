package dev.restock.orders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one writer of saved orders: applies what sync read back from a connection. Saved orders
 * are read-only for users ({@link StockOrders} refuses them); this class is how the connection's
 * changes get in, each order with its history rows (actor {@code sync}) and its outbox event in
 * the same transaction, so a crash never leaves half an order applied. A batch is first compared
 * without a lock ({@link #check}); only the orders with something to apply are then locked,
 * compared again and applied together ({@link #applyAll}). An order with nothing to apply is not
 * written at all: when it was last confirmed is the last completed pass over its table (see
 * {@link SyncStatus}). Thread-safe.
 */
@Component
public class OrderSyncWriter {

    /**
     * Where an order stood after the last sync.
     *
     * @param state {@code in_step}, {@code problem} or {@code missing}; null before its first sync
     * @param syncedAt when sync last confirmed the order against its connection: the later of when
     *     sync last wrote it (a change applied, its state or problem moved, a failure recorded) and,
     *     while passes still read it (saved to the connection, status neither closed nor cancelled,
     *     synced at least once), when the last completed pass over its table began. A pass writes
     *     nothing for an order that is as the connection holds it, so this is the only record that
     *     the pass looked; it reflects every downstream change made before that time. Null before
     *     the first sync.
     */
    public record SyncStatus(String state, String problem, Instant syncedAt) {}

    /**
     * What {@link #check} found in a batch, without a lock.
     *
     * @param toApply the orders to lock and apply with {@link #applyAll}, in the batch's order
     * @param unchanged what each order with nothing to apply reports (no changes, perhaps the
     *     problem it keeps), by order id; nothing was written for them
     */
    public record Check(List<DownstreamOrder> toApply, Map<UUID, SyncOutcome> unchanged) {
        public Check {
            toApply = List.copyOf(toApply);
            unchanged = Collections.unmodifiableMap(new LinkedHashMap<>(unchanged));
        }
    }

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
     * Compares a batch with Restock without a lock and writes nothing: two queries for the whole
     * batch, its orders and the lines of those synced before (an order never synced has its first
     * sync state to apply whatever its lines say). An order as the connection holds it, keeping
     * its sync state and problem, needs no lock and no write; the others go to {@link #applyAll},
     * which compares them again under the lock. A change Restock makes in between is never lost:
     * an order set aside here was not written, and the next pass compares it again. Orders no
     * longer saved to {@code connection} are in neither list.
     */
    public Check check(String connection, List<DownstreamOrder> batch) {
        Map<UUID, SyncPlan.OrderState> orders = orderStates(connection, batch, false);
        Set<UUID> synced = orders.values().stream()
                .filter(order -> order.syncState() != null)
                .map(SyncPlan.OrderState::id)
                .collect(Collectors.toSet());
        Map<UUID, List<SyncPlan.LineState>> lines = lineStates(synced);
        SyncPlanner planner = new SyncPlanner(statuses(), this::variant);

        List<DownstreamOrder> toApply = new ArrayList<>();
        Map<UUID, SyncOutcome> unchanged = new LinkedHashMap<>();
        for (DownstreamOrder downstream : batch) {
            SyncPlan.OrderState order = orders.get(downstream.orderId());
            if (order == null) {
                continue;
            }
            SyncPlan plan = synced.contains(order.id())
                    ? planner.plan(order, lines.getOrDefault(order.id(), List.of()), downstream)
                    : null;
            if (plan != null && plan.nothingToApply()) {
                unchanged.put(order.id(), plan.outcome());
            } else {
                toApply.add(downstream);
            }
        }
        return new Check(toApply, unchanged);
    }

    /**
     * Applies the rows read back for several orders in one transaction, as {@link #apply} does for
     * one, with a few set-based statements for the whole batch (see {@link SyncPlanWriter}): the
     * orders are locked first (in id order, so two passes cannot deadlock) and compared with
     * Restock as it is under the lock, so a change made meanwhile is never overwritten unseen.
     * Each changed order gets its history rows and its own outbox event; an order that turns out
     * to have nothing to apply is not written. If any order fails, none of the batch is applied;
     * the caller may then apply them one by one. Callers pass what {@link #check} left to apply;
     * any order is safe to pass.
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
            Map<UUID, SyncOutcome> outcomes = new LinkedHashMap<>();
            List<SyncPlan> toWrite = new ArrayList<>();
            for (DownstreamOrder order : downstream) {
                SyncPlan.OrderState state = locked.get(order.orderId());
                if (state != null) {
                    SyncPlan plan = planner.plan(state, lines.getOrDefault(state.id(), List.of()), order);
                    outcomes.put(plan.orderId(), plan.outcome());
                    if (!plan.nothingToApply()) {
                        toWrite.add(plan);
                    }
                }
            }
            if (!toWrite.isEmpty()) {
                Actor actor = Actor.sync(connection);
                Instant now = clock.instant();
                writer.write(toWrite, actor, now);
                events.changedAll(changes(toWrite, actor, now));
            }
            return outcomes;
        });
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
                        select o.id, o.status, o.external_id, o.expected_date, o.sync_state, o.last_sync_problem
                        from stock_orders o join unnest(cast(? as uuid[])) as batch(id) on batch.id = o.id
                        where o.save_state = 'saved' and o.saved_to = ?
                        """ + (lock ? " order by o.id for update of o" : ""))
                .params(ids, connection)
                .query((rs, rowNum) -> new SyncPlan.OrderState(
                        rs.getObject("id", UUID.class),
                        rs.getString("status"),
                        rs.getString("external_id"),
                        rs.getObject("expected_date", LocalDate.class),
                        rs.getString("sync_state"),
                        rs.getString("last_sync_problem")))
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

    /**
     * Where the order stood after the last sync, with the time it was last confirmed (see {@link
     * SyncStatus#syncedAt()}): the order's own {@code last_synced_at}, or the start of the last
     * completed pass over its connection table ({@code sync_cursors.last_pass_at}, kept by {@code
     * OrderSync}) when that is later and passes still read the order. An order saved before
     * Restock recorded its table ({@code saved_table} null) has only its own time.
     */
    public SyncStatus status(UUID orderId) {
        return jdbc.sql("""
                select o.sync_state, o.last_sync_problem, o.last_synced_at, c.last_pass_at
                from stock_orders o
                left join order_statuses s on s.name = o.status
                left join sync_cursors c on c.connection = o.saved_to and c.table_name = o.saved_table
                     and o.save_state = 'saved' and o.sync_state is not null
                     and s.type not in ('closed', 'cancelled')
                where o.id = ?
                """)
                .param(orderId)
                .query((rs, rowNum) -> new SyncStatus(
                        rs.getString("sync_state"),
                        rs.getString("last_sync_problem"),
                        later(
                                rs.getObject("last_synced_at", OffsetDateTime.class),
                                rs.getObject("last_pass_at", OffsetDateTime.class))))
                .single();
    }

    /** The later of two times, either of which may be null. */
    private static Instant later(OffsetDateTime own, OffsetDateTime pass) {
        if (pass == null || (own != null && own.isAfter(pass))) {
            return own == null ? null : own.toInstant();
        }
        return pass.toInstant();
    }

    private OffsetDateTime now() {
        return StockOrderRows.utc(clock.instant());
    }
}
