package dev.restock.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The save state of stock orders, moved by a push: {@code editable} or {@code save_failed} to
 * {@code saving}, then to {@code saved} or {@code save_failed}. Each step is its own transaction
 * in Restock's database and carries the push attempt id, so a step from an attempt that recovery
 * has already settled changes nothing.
 */
@Component
public class OrderSaves {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final StockOrders orders;
    private final OrderHistory history;
    private final OrderEvents events;
    private final OrderSettings settings;
    private final Clock clock;

    public OrderSaves(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            StockOrders orders,
            OrderHistory history,
            OrderEvents events,
            OrderSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.orders = orders;
        this.history = history;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Marks the order {@code saving} to {@code connection} with a new attempt id, committed before
     * anything is written to the connection. Refuses orders that are read-only, closed or
     * cancelled, or without lines.
     */
    public SaveAttempt begin(UUID orderId, String connection, Actor actor) {
        return transaction.execute(status -> {
            jdbc.sql("select id from stock_orders where id = ? for update")
                    .param(orderId)
                    .query(UUID.class)
                    .optional();
            StockOrder order = orders.get(orderId);
            if (order.readOnly()) {
                throw OrderReadOnlyException.alreadySaved(order);
            }
            if (order.statusType() == StatusType.CLOSED || order.statusType() == StatusType.CANCELLED) {
                throw new StockOrderException("Order " + order.reference() + " is " + order.status()
                        + " and cannot be saved to '" + connection + "'. Nothing was saved.");
            }
            List<StockOrderLine> lines = orders.lines(orderId);
            if (lines.stream().allMatch(StockOrderLine::removed)) {
                throw new StockOrderException("Order " + order.reference() + " has no lines and cannot be saved to '"
                        + connection + "'. Add a line and save again.");
            }

            String statusToWrite = statusToWrite(order);
            UUID attemptId = UUID.randomUUID();
            jdbc.sql("""
                    update stock_orders set save_state = 'saving', saved_to = ?, push_attempt_id = ?
                    where id = ?
                    """).params(connection, attemptId, orderId).update();
            history.record(orderId, actor, "save_state", order.saveState().code(), SaveState.SAVING.code());
            return new SaveAttempt(attemptId, connection, orders.get(orderId), lines, statusToWrite);
        });
    }

    /**
     * The status the connection's rows carry: a draft is opened by saving it, with the configured
     * {@link OrderSettings#savedStatus()}, which must be a status of type {@code active}.
     */
    private String statusToWrite(StockOrder order) {
        if (order.statusType() != StatusType.DRAFT) {
            return order.status();
        }
        String configured = settings.savedStatus();
        return orders.knownStatus(configured)
                .filter(name -> orders.statusType(name) == StatusType.ACTIVE)
                .orElseThrow(() -> new StockOrderException("restock.orders.saved-status is '" + configured
                        + "', which is not an order status of type active. Order " + order.reference()
                        + " was not saved; set it to one of the active statuses `restock orders statuses` lists."));
    }

    /** As {@link #markSaved(SaveAttempt, String, Actor)} without knowing the table's name. */
    public boolean markSaved(SaveAttempt attempt, Actor actor) {
        return markSaved(attempt, null, actor);
    }

    /**
     * Marks the attempt's order saved (read-only) to {@code table} and opens a draft, and writes
     * {@code stock_order.saved} in the same transaction. Returns false, changing nothing, if the
     * order is no longer in this attempt (recovery settled it meanwhile).
     */
    public boolean markSaved(SaveAttempt attempt, String table, Actor actor) {
        Instant now = clock.instant();
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int updated = jdbc.sql("""
                    update stock_orders set save_state = 'saved', saved_at = ?, saved_table = ?, status = ?,
                                            last_error = null
                    where id = ? and push_attempt_id = ? and save_state = 'saving'
                    """)
                    .params(
                            StockOrderRows.utc(now),
                            table,
                            attempt.statusToWrite(),
                            attempt.order().id(),
                            attempt.attemptId())
                    .update();
            if (updated == 0) {
                return false;
            }
            UUID orderId = attempt.order().id();
            history.record(orderId, actor, "save_state", SaveState.SAVING.code(), SaveState.SAVED.code());
            history.record(orderId, actor, "saved_to", null, attempt.connection());
            if (!attempt.statusToWrite().equals(attempt.order().status())) {
                history.record(orderId, actor, "status", attempt.order().status(), attempt.statusToWrite());
            }
            // The lines cannot have changed while the order was saving (read-only): not read again.
            events.saved(orderId, attempt.allLines());
            return true;
        }));
    }

    /**
     * Marks the attempt failed with its rows removed: the order is editable again. Writes
     * {@code stock_order.save_failed} in the same transaction.
     */
    public boolean markFailed(SaveAttempt attempt, String error, Actor actor) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int updated = jdbc.sql("""
                    update stock_orders set save_state = 'save_failed', saved_to = null, last_error = ?
                    where id = ? and push_attempt_id = ? and save_state = 'saving'
                    """)
                    .params(error, attempt.order().id(), attempt.attemptId())
                    .update();
            if (updated > 0) {
                history.record(
                        attempt.order().id(),
                        actor,
                        "save_state",
                        SaveState.SAVING.code(),
                        SaveState.SAVE_FAILED.code());
                events.saveFailed(attempt.order().id(), attempt.connection(), error);
            }
            return updated > 0;
        }));
    }

    /**
     * Records an error on an attempt whose outcome is unknown (its rows could not be removed):
     * the order stays {@code saving} until recovery settles it.
     */
    public void recordUnsettled(SaveAttempt attempt, String error) {
        jdbc.sql("""
                update stock_orders set last_error = ?
                where id = ? and push_attempt_id = ? and save_state = 'saving'
                """).params(error, attempt.order().id(), attempt.attemptId()).update();
    }

    /** Attempts left in {@code saving}: pushes that died or could not be settled. */
    public List<SaveAttempt> unsettled() {
        List<StockOrder> saving = jdbc.sql("select " + StockOrderRows.ORDER_COLUMNS
                        + " where o.save_state = 'saving' order by o.created_at")
                .query(StockOrderRows::order)
                .list();
        return saving.stream()
                .map(order -> new SaveAttempt(
                        order.pushAttemptId(),
                        order.savedTo(),
                        order,
                        orders.lines(order.id()),
                        order.statusType() == StatusType.DRAFT ? savedStatusOf(order) : order.status()))
                .toList();
    }

    /** An unsettled attempt began with a valid saved status; a later settings change must not block recovery. */
    private String savedStatusOf(StockOrder order) {
        return orders.knownStatus(settings.savedStatus()).orElse(OrderSettings.DEFAULT_SAVED_STATUS);
    }
}
