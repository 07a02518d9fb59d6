package dev.restock.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the {@link SyncPlan}s of a batch of orders with a few set-based statements whatever the
 * batch's size: one UPDATE of the orders, one of the changed lines, one INSERT of the added lines
 * and one of the history rows. Runs inside the transaction of {@link OrderSyncWriter}, which
 * holds the orders' locks. Values travel as arrays (text, cast by the server), so a batch costs
 * the same few round trips as one order.
 */
final class SyncPlanWriter {

    private final JdbcClient jdbc;

    SyncPlanWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void write(List<SyncPlan> plans, Actor actor, Instant now) {
        writeOrders(plans, now);
        writeChangedLines(plans);
        writeAddedLines(plans);
        writeHistory(plans, actor, now);
    }

    /** Every order of the batch gets its sync state, problem and time, and the fields sync set. */
    private void writeOrders(List<SyncPlan> plans, Instant now) {
        jdbc.sql("""
                update stock_orders o
                set status = u.status, external_id = u.external_id, expected_date = u.expected_date,
                    sync_state = u.sync_state, last_sync_problem = u.problem, last_synced_at = ?
                from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as date[]),
                            cast(? as text[]), cast(? as text[]))
                     as u(id, status, external_id, expected_date, sync_state, problem)
                where o.id = u.id
                """)
                .params(
                        StockOrderRows.utc(now),
                        column(plans, plan -> plan.orderId(), UUID[]::new),
                        texts(plans, plan -> plan.after().status()),
                        texts(plans, plan -> plan.after().externalId()),
                        texts(plans, plan -> plan.after().expectedDate()),
                        texts(plans, plan -> plan.after().syncState()),
                        texts(plans, SyncPlan::problemText))
                .update();
    }

    private void writeChangedLines(List<SyncPlan> plans) {
        List<UUID> orderIds = new ArrayList<>();
        List<SyncPlan.LineState> lines = new ArrayList<>();
        for (SyncPlan plan : plans) {
            for (SyncPlan.LineState line : plan.changedLines()) {
                orderIds.add(plan.orderId());
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update stock_order_lines l
                set replenishment = u.replenishment, received = u.received, received_date = u.received_date,
                    removed = u.removed
                from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as numeric[]), cast(? as numeric[]),
                            cast(? as date[]), cast(? as boolean[]))
                     as u(order_id, line_item_id, replenishment, received, received_date, removed)
                where l.order_id = u.order_id and l.line_item_id = u.line_item_id
                """)
                .params(
                        orderIds.toArray(UUID[]::new),
                        texts(lines, SyncPlan.LineState::lineItemId),
                        texts(lines, SyncPlan.LineState::replenishment),
                        texts(lines, SyncPlan.LineState::received),
                        texts(lines, SyncPlan.LineState::receivedDate),
                        texts(lines, SyncPlan.LineState::removed))
                .update();
    }

    private void writeAddedLines(List<SyncPlan> plans) {
        List<UUID> orderIds = new ArrayList<>();
        List<SyncPlan.AddedLine> lines = new ArrayList<>();
        for (SyncPlan plan : plans) {
            for (SyncPlan.AddedLine line : plan.addedLines()) {
                orderIds.add(plan.orderId());
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into stock_order_lines (order_id, line_item_id, variant_id, sku, title, barcode,
                                               replenishment, received, received_date, cost_price, removed)
                select * from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as bigint[]), cast(? as text[]),
                                     cast(? as text[]), cast(? as text[]), cast(? as numeric[]),
                                     cast(? as numeric[]), cast(? as date[]), cast(? as numeric[]),
                                     cast(? as boolean[]))
                """)
                .params(
                        orderIds.toArray(UUID[]::new),
                        texts(lines, SyncPlan.AddedLine::lineItemId),
                        texts(lines, SyncPlan.AddedLine::variantId),
                        texts(lines, SyncPlan.AddedLine::sku),
                        texts(lines, SyncPlan.AddedLine::title),
                        texts(lines, SyncPlan.AddedLine::barcode),
                        texts(lines, SyncPlan.AddedLine::replenishment),
                        texts(lines, SyncPlan.AddedLine::received),
                        texts(lines, SyncPlan.AddedLine::receivedDate),
                        texts(lines, SyncPlan.AddedLine::costPrice),
                        texts(lines, SyncPlan.AddedLine::removed))
                .update();
    }

    /** In plan order, so that ids (and so the order changes are listed in) follow what happened. */
    private void writeHistory(List<SyncPlan> plans, Actor actor, Instant now) {
        List<UUID> orderIds = new ArrayList<>();
        List<SyncPlan.Entry> entries = new ArrayList<>();
        for (SyncPlan plan : plans) {
            for (SyncPlan.Entry entry : plan.history()) {
                orderIds.add(plan.orderId());
                entries.add(entry);
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into stock_order_history (order_id, at, actor_type, actor, field, old_value, new_value)
                select h.order_id, ?, ?, ?, h.field, h.old_value, h.new_value
                from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                     with ordinality as h(order_id, field, old_value, new_value, n)
                order by h.n
                """)
                .params(
                        StockOrderRows.utc(now),
                        actor.type().code(),
                        actor.name(),
                        orderIds.toArray(UUID[]::new),
                        texts(entries, SyncPlan.Entry::field),
                        texts(entries, entry -> OrderHistory.text(entry.oldValue())),
                        texts(entries, entry -> OrderHistory.text(entry.newValue())))
                .update();
    }

    /** Values as text for a server-side cast: decimals exact, dates ISO, nulls kept. */
    private static <T> String[] texts(List<T> items, Function<T, Object> value) {
        String[] texts = new String[items.size()];
        for (int i = 0; i < texts.length; i++) {
            Object item = value.apply(items.get(i));
            texts[i] = item instanceof BigDecimal decimal
                    ? decimal.toPlainString()
                    : item instanceof LocalDate date ? date.toString() : Objects.toString(item, null);
        }
        return texts;
    }

    private static <T, V> V[] column(List<T> items, Function<T, V> value, java.util.function.IntFunction<V[]> array) {
        return items.stream().map(value).toArray(array);
    }
}
