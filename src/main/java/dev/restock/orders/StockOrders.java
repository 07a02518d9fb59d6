package dev.restock.orders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and edits stock orders while they are editable. Every change writes a history row in
 * the same transaction; every change to an order that is saved (or being saved) to a connection
 * is refused with {@link OrderReadOnlyException}.
 */
@Service
public class StockOrders {

    /** The scale of numeric(38,6): more decimals would be rounded by the database. */
    private static final int QUANTITY_SCALE = 6;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final OrderHistory history;
    private final Clock clock;

    public StockOrders(JdbcClient jdbc, TransactionTemplate transaction, OrderHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.history = history;
        this.clock = clock;
    }

    public StockOrder create(NewStockOrder order, Actor actor) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            long number = jdbc.sql("select nextval('stock_order_numbers')")
                    .query(Long.class)
                    .single();
            String reference = order.type().referencePrefix() + "-" + number;
            jdbc.sql("""
                    insert into stock_orders (id, reference, type, status, warehouse_id, vendor_id,
                                              source_warehouse_id, currency, created_at, expected_date)
                    values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?)
                    """)
                    .params(
                            id,
                            reference,
                            order.type().code(),
                            order.warehouseId(),
                            order.vendorId(),
                            order.sourceWarehouseId(),
                            order.currency(),
                            StockOrderRows.utc(now),
                            order.expectedDate())
                    .update();
            history.record(id, actor, "order", null, reference);
        });
        return get(id);
    }

    public Optional<StockOrder> find(UUID id) {
        return jdbc.sql("select " + StockOrderRows.ORDER_COLUMNS + " where o.id = ?")
                .param(id)
                .query(StockOrderRows::order)
                .optional();
    }

    /** The order with a reference such as PO-1001, compared without regard to case. */
    public StockOrder getByReference(String reference) {
        return jdbc.sql("select " + StockOrderRows.ORDER_COLUMNS + " where upper(o.reference) = upper(?)")
                .param(reference)
                .query(StockOrderRows::order)
                .optional()
                .orElseThrow(() -> new StockOrderException("There is no stock order " + reference + "."));
    }

    public StockOrder get(UUID id) {
        return find(id).orElseThrow(() -> new StockOrderException("There is no stock order with id " + id + "."));
    }

    /** The order's lines, including lines removed downstream, in the order they were added. */
    public List<StockOrderLine> lines(UUID orderId) {
        return jdbc.sql("select " + StockOrderRows.LINE_COLUMNS
                        + " where order_id = ? order by length(line_item_id), line_item_id")
                .param(orderId)
                .query(StockOrderRows::line)
                .list();
    }

    /** Adds a line for a variant, copying its SKU, title and barcode as they are now. */
    public StockOrderLine addLine(
            UUID orderId, long variantId, BigDecimal quantity, BigDecimal costPrice, Actor actor) {
        checkQuantity(quantity, "quantity");
        if (costPrice != null) {
            checkQuantity(costPrice, "cost price");
        }
        String lineItemId = transaction.execute(status -> {
            StockOrder order = lockEditable(orderId);
            String next = String.valueOf(
                    jdbc.sql("""
                            select coalesce(max(cast(line_item_id as bigint)), 0) + 1
                            from stock_order_lines where order_id = ?
                            """).param(orderId).query(Long.class).single());
            int inserted = jdbc.sql("""
                    insert into stock_order_lines (order_id, line_item_id, variant_id, sku, title, barcode,
                                                   replenishment, cost_price)
                    select ?, ?, id, sku, title, barcode, ?, ? from variants where id = ? and not removed
                    """)
                    .params(orderId, next, quantity, costPrice, variantId)
                    .update();
            if (inserted == 0) {
                throw new StockOrderException("There is no variant with id " + variantId + ". Order "
                        + order.reference() + " was not changed.");
            }
            history.record(orderId, actor, "line " + next, null, quantity);
            return next;
        });
        return line(orderId, lineItemId);
    }

    public void removeLine(UUID orderId, String lineItemId, Actor actor) {
        transaction.executeWithoutResult(status -> {
            StockOrder order = lockEditable(orderId);
            StockOrderLine line = existingLine(order, lineItemId);
            jdbc.sql("delete from stock_order_lines where order_id = ? and line_item_id = ?")
                    .params(orderId, lineItemId)
                    .update();
            history.record(orderId, actor, "line " + lineItemId, line.replenishment(), null);
        });
    }

    public void editQuantity(UUID orderId, String lineItemId, BigDecimal quantity, Actor actor) {
        checkQuantity(quantity, "quantity");
        transaction.executeWithoutResult(status -> {
            StockOrder order = lockEditable(orderId);
            StockOrderLine line = existingLine(order, lineItemId);
            if (line.replenishment().compareTo(quantity) == 0) {
                return;
            }
            jdbc.sql("update stock_order_lines set replenishment = ? where order_id = ? and line_item_id = ?")
                    .params(quantity, orderId, lineItemId)
                    .update();
            history.record(orderId, actor, "line " + lineItemId + " replenishment", line.replenishment(), quantity);
        });
    }

    /** Sets a status by name; the name must be one of {@code order_statuses}. */
    public void changeStatus(UUID orderId, String newStatus, Actor actor) {
        transaction.executeWithoutResult(status -> {
            StockOrder order = lockEditable(orderId);
            boolean known = jdbc.sql("select count(*) from order_statuses where name = ?")
                            .param(newStatus)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!known) {
                throw new StockOrderException("There is no order status '" + newStatus + "'. Order " + order.reference()
                        + " was not changed.");
            }
            if (order.status().equals(newStatus)) {
                return;
            }
            jdbc.sql("update stock_orders set status = ? where id = ?")
                    .params(newStatus, orderId)
                    .update();
            history.record(orderId, actor, "status", order.status(), newStatus);
        });
    }

    /**
     * Locks the order's row for this transaction and refuses read-only orders. The lock orders
     * an edit against a push starting at the same time: one of them sees the other's result.
     */
    private StockOrder lockEditable(UUID orderId) {
        jdbc.sql("select id from stock_orders where id = ? for update")
                .param(orderId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new StockOrderException("There is no stock order with id " + orderId + "."));
        StockOrder order = get(orderId);
        if (order.readOnly()) {
            throw new OrderReadOnlyException(order.reference(), order.saveState(), order.savedTo());
        }
        return order;
    }

    private StockOrderLine existingLine(StockOrder order, String lineItemId) {
        return jdbc.sql("select " + StockOrderRows.LINE_COLUMNS + " where order_id = ? and line_item_id = ?")
                .params(order.id(), lineItemId)
                .query(StockOrderRows::line)
                .optional()
                .orElseThrow(() -> new StockOrderException(
                        "Order " + order.reference() + " has no line " + lineItemId + ". Nothing was changed."));
    }

    private StockOrderLine line(UUID orderId, String lineItemId) {
        return existingLine(get(orderId), lineItemId);
    }

    private static void checkQuantity(BigDecimal value, String what) {
        if (value == null || value.signum() < 0) {
            throw new StockOrderException(
                    "The " + what + " must be zero or more, not " + value + ". Nothing was changed.");
        }
        if (value.stripTrailingZeros().scale() > QUANTITY_SCALE) {
            throw new StockOrderException("The " + what + " " + value.toPlainString() + " has more than "
                    + QUANTITY_SCALE + " decimals. Nothing was changed.");
        }
    }
}
