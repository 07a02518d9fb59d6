package dev.restock.orders;

import dev.restock.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and edits stock orders while they are editable. Every change writes history rows and
 * its outbox event ({@link OrderEvents}) in the same transaction; every change to an order that
 * is saved (or being saved) to a connection is refused with {@link OrderReadOnlyException}.
 * Receiving is in {@link OrderReceipts}.
 */
@Service
public class StockOrders {

    /** The scale of numeric(38,6): more decimals would be rounded by the database. */
    private static final int QUANTITY_SCALE = 6;

    /** The digits numeric(38,6) holds before the point: more overflow the column. */
    private static final int QUANTITY_INTEGER_DIGITS = 38 - QUANTITY_SCALE;

    /** The first day an expected or receipt date may be: see {@link #checkDate}. */
    static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);

    /** The last day an expected or receipt date may be: see {@link #checkDate}. */
    static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final OrderHistory history;
    private final OrderEvents events;
    private final OrderSettings settings;
    private final Clock clock;

    /** How a refusal ends, saying what the refused request left: one wording for the CLI and the API. */
    static final String NOTHING_CREATED = "Nothing was created.";

    static final String NOTHING_CHANGED = "Nothing was changed.";

    static final String NOTHING_RECEIVED = "Nothing was received.";

    public StockOrders(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            OrderHistory history,
            OrderEvents events,
            OrderSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.history = history;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public StockOrder create(NewStockOrder order, Actor actor) {
        return create(order, List.of(), actor);
    }

    /**
     * Creates a draft with its lines in one transaction: a bad line creates nothing. A purchase
     * order without a currency takes its vendor's.
     */
    public StockOrder create(NewStockOrder order, List<NewOrderLine> lines, Actor actor) {
        checkDate(order.expectedDate(), "expected date", NOTHING_CREATED);
        lines.forEach(line -> check(line, NOTHING_CREATED));
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
                    values (?, ?, ?, 'DRAFT', ?, ?, ?,
                            coalesce(?, (select currency from vendors where id = ?)), ?, ?)
                    """)
                    .params(
                            id,
                            reference,
                            order.type().code(),
                            order.warehouseId(),
                            order.vendorId(),
                            order.sourceWarehouseId(),
                            order.currency(),
                            order.vendorId(),
                            StockOrderRows.utc(now),
                            order.expectedDate())
                    .update();
            history.record(id, actor, "order", null, reference);
            StockOrder created = get(id);
            for (NewOrderLine line : lines) {
                // The reference is not the user's yet: a refused line must not name it.
                insertLine(created, line, actor, NOTHING_CREATED);
            }
            events.created(id);
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
                .orElseThrow(() -> notFound(reference));
    }

    public StockOrder get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id.toString()));
    }

    /** The order named by its id or its reference, as a user may write either. */
    public StockOrder resolve(String idOrReference) {
        try {
            return get(UUID.fromString(idOrReference.strip()));
        } catch (IllegalArgumentException notAnId) {
            return getByReference(idOrReference.strip());
        }
    }

    static NotFoundException notFound(String idOrReference) {
        return new NotFoundException("There is no stock order " + idOrReference + ".");
    }

    /** Orders matching the filter, newest first. */
    /** How many orders are saved to the connection: what its new settings will be synced from. */
    public long countSavedTo(String connection) {
        return jdbc.sql("select count(*) from stock_orders where save_state = 'saved' and saved_to = ?")
                .param(connection)
                .query(Long.class)
                .single();
    }

    public List<StockOrder> list(OrderFilter filter) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (filter.type() != null) {
            where.append(" and o.type = ?");
            params.add(filter.type().code());
        }
        if (filter.status() != null) {
            if (knownStatus(filter.status()).isEmpty()) {
                throw new StockOrderException("There is no order status '" + filter.status()
                        + "'; `restock orders statuses` lists the statuses.");
            }
            where.append(" and upper(o.status) = upper(?)");
            params.add(filter.status());
        }
        if (filter.saved() != null) {
            where.append(filter.saved() ? " and o.save_state = 'saved'" : " and o.save_state <> 'saved'");
        }
        return jdbc.sql("select " + StockOrderRows.ORDER_COLUMNS + where
                        + " order by o.created_at desc, o.reference desc")
                .params(params)
                .query(StockOrderRows::order)
                .list();
    }

    /** The order's lines, including lines removed downstream, in the order they were added. */
    public List<StockOrderLine> lines(UUID orderId) {
        return jdbc.sql("select " + StockOrderRows.LINE_COLUMNS + StockOrderRows.LINE_ORDER)
                .param(orderId)
                .query(StockOrderRows::line)
                .list();
    }

    /** Adds a line for a variant, copying its SKU, title and barcode as they are now. */
    public StockOrderLine addLine(
            UUID orderId, long variantId, BigDecimal quantity, BigDecimal costPrice, Actor actor) {
        String sku = jdbc.sql("select sku from variants where id = ? and not removed")
                .param(variantId)
                .query(String.class)
                .optional()
                .orElseThrow(() ->
                        new StockOrderException("There is no variant with id " + variantId + ". Nothing was changed."));
        return addLine(orderId, new NewOrderLine(sku, quantity, costPrice), actor);
    }

    /** Adds a line for the variant with the line's SKU, copying its title and barcode as they are now. */
    public StockOrderLine addLine(UUID orderId, NewOrderLine line, Actor actor) {
        check(line, NOTHING_CHANGED);
        String lineItemId = change(orderId, order -> {
            checkLinesChangeable(order);
            return insertLine(order, line, actor, unchanged(order));
        });
        return line(orderId, lineItemId);
    }

    public void removeLine(UUID orderId, String lineItemId, Actor actor) {
        edit(orderId, new OrderEdit(List.of(), List.of(lineItemId), List.of()), actor);
    }

    public void editQuantity(UUID orderId, String lineItemId, BigDecimal quantity, Actor actor) {
        edit(
                orderId,
                new OrderEdit(List.of(new OrderEdit.QuantityChange(lineItemId, quantity)), List.of(), List.of()),
                actor);
    }

    /**
     * Applies every change of {@code edit} in one transaction, with one {@code stock_order.updated}
     * event: a change that is refused (an unknown line or SKU, a bad quantity) leaves the order as
     * it was.
     */
    public void edit(UUID orderId, OrderEdit edit, Actor actor) {
        edit.quantities()
                .forEach(change ->
                        checkQuantity(change.quantity(), "quantity of line " + change.lineItemId(), NOTHING_CHANGED));
        edit.additions().forEach(line -> check(line, NOTHING_CHANGED));
        change(orderId, order -> {
            checkLinesChangeable(order);
            edit.quantities().forEach(change -> setQuantity(order, change, actor));
            edit.removals().forEach(lineItemId -> deleteLine(order, lineItemId, actor));
            edit.additions().forEach(line -> insertLine(order, line, actor, unchanged(order)));
            return null;
        });
    }

    /**
     * A closed or cancelled order's lines stay as they were when it ended: what was ordered and
     * received is its record. Reopening it (a status of type active or draft) makes them
     * changeable again.
     */
    private static void checkLinesChangeable(StockOrder order) {
        if (order.statusType() == StatusType.CLOSED || order.statusType() == StatusType.CANCELLED) {
            throw new StockOrderException("Order " + order.reference() + " is " + order.status()
                    + " and its lines cannot be changed. " + NOTHING_CHANGED + " Reopen it first with `restock orders"
                    + " status " + order.reference() + " OPEN` if it must change.");
        }
    }

    private void setQuantity(StockOrder order, OrderEdit.QuantityChange change, Actor actor) {
        StockOrderLine line = existingLine(order, change.lineItemId());
        if (line.replenishment().compareTo(change.quantity()) == 0) {
            return;
        }
        // What a line has received must stay within what a receipt of it may reach.
        if (line.received().compareTo(settings.receivableLimit(change.quantity())) > 0) {
            throw new StockOrderException("Line " + line.lineItemId() + " (" + line.sku() + ") of "
                    + order.reference() + " has received " + plain(line.received()) + ", more than a quantity of "
                    + plain(change.quantity()) + " allows with the over-receipt tolerance of "
                    + plain(settings.overReceiptTolerancePercent()) + "%. " + NOTHING_CHANGED);
        }
        jdbc.sql("update stock_order_lines set replenishment = ? where order_id = ? and line_item_id = ?")
                .params(change.quantity(), order.id(), line.lineItemId())
                .update();
        history.record(
                order.id(),
                actor,
                "line " + line.lineItemId() + " replenishment",
                line.replenishment(),
                change.quantity());
    }

    private void deleteLine(StockOrder order, String lineItemId, Actor actor) {
        StockOrderLine line = existingLine(order, lineItemId);
        if (line.received().signum() > 0) {
            throw new StockOrderException("Line " + lineItemId + " (" + line.sku() + ") of " + order.reference()
                    + " has received " + plain(line.received()) + " and cannot be removed: the receipt would be lost. "
                    + NOTHING_CHANGED + " Set its quantity instead.");
        }
        jdbc.sql("delete from stock_order_lines where order_id = ? and line_item_id = ?")
                .params(order.id(), lineItemId)
                .update();
        history.record(order.id(), actor, "line " + lineItemId, line.replenishment(), null);
    }

    /**
     * Sets a status by name, matched to {@code order_statuses} without regard to case. Moving to a
     * status of type {@code closed} writes {@code stock_order.closed}.
     */
    public void changeStatus(UUID orderId, String newStatus, Actor actor) {
        change(orderId, order -> {
            String known = knownStatus(newStatus)
                    .orElseThrow(() -> new StockOrderException("There is no order status '" + newStatus
                            + "'. Order " + order.reference() + " was not changed; `restock orders statuses`"
                            + " lists the statuses."));
            if (!order.status().equals(known)) {
                setStatus(order, known, actor);
            }
            return null;
        });
    }

    /**
     * Runs one change of an editable order in a transaction holding the order's lock, then writes
     * the event for whatever history rows the change recorded (none: no event).
     */
    <T> T change(UUID orderId, Function<StockOrder, T> change) {
        return transaction.execute(status -> {
            StockOrder order = lockEditable(orderId);
            long mark = history.mark(orderId);
            T result = change.apply(order);
            events.changed(orderId, mark);
            return result;
        });
    }

    void setStatus(StockOrder order, String newStatus, Actor actor) {
        jdbc.sql("update stock_orders set status = ? where id = ?")
                .params(newStatus, order.id())
                .update();
        history.record(order.id(), actor, "status", order.status(), newStatus);
    }

    Optional<String> knownStatus(String name) {
        return jdbc.sql("select name from order_statuses where upper(name) = upper(?)")
                .param(name.strip())
                .query(String.class)
                .optional();
    }

    StatusType statusType(String name) {
        return jdbc.sql("select type from order_statuses where name = ?")
                .param(name)
                .query(String.class)
                .optional()
                .map(StatusType::fromCode)
                .orElseThrow(() -> new StockOrderException("There is no order status '" + name + "'."));
    }

    private static String unchanged(StockOrder order) {
        return "Order " + order.reference() + " was not changed.";
    }

    /**
     * Inserts a line at the next line item id, never one used before; the caller holds the lock.
     * {@code outcome} ends the refusal of an unknown SKU: what the rolled-back transaction left.
     */
    private String insertLine(StockOrder order, NewOrderLine line, Actor actor, String outcome) {
        String next =
                String.valueOf(jdbc.sql("""
                        update stock_orders set last_line_item_id = last_line_item_id + 1
                        where id = ? returning last_line_item_id
                        """).param(order.id()).query(Long.class).single());
        // Without a cost, a purchase order line takes what its vendor charges for the variant.
        int inserted = jdbc.sql("""
                insert into stock_order_lines (order_id, line_item_id, variant_id, sku, title, barcode,
                                               replenishment, cost_price)
                select ?, ?, v.id, v.sku, v.title, v.barcode, ?,
                       coalesce(?, (select vv.cost from variant_vendors vv
                                    where vv.variant_id = v.id and vv.vendor_id = ? and not vv.removed))
                from variants v where v.sku = ? and not v.removed
                """)
                .params(order.id(), next, line.quantity(), line.costPrice(), order.vendorId(), line.sku())
                .update();
        if (inserted == 0) {
            throw new StockOrderException("There is no variant with SKU '" + line.sku() + "'. " + outcome);
        }
        history.record(order.id(), actor, "line " + next, null, line.quantity());
        return next;
    }

    /**
     * Locks the order's row for this transaction and refuses read-only orders. The lock orders
     * an edit against a push starting at the same time: one of them sees the other's result.
     */
    StockOrder lockEditable(UUID orderId) {
        jdbc.sql("select id from stock_orders where id = ? for update")
                .param(orderId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> notFound(orderId.toString()));
        StockOrder order = get(orderId);
        if (order.readOnly()) {
            throw new OrderReadOnlyException(order.reference(), order.saveState(), order.savedTo());
        }
        return order;
    }

    /** A quantity as messages write it: {@code 5}, not {@code 5.000000}. */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    StockOrderLine existingLine(StockOrder order, String lineItemId) {
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

    private static void check(NewOrderLine line, String outcome) {
        checkQuantity(line.quantity(), "quantity of " + line.sku(), outcome);
        if (line.costPrice() != null) {
            checkQuantity(line.costPrice(), "cost price of " + line.sku(), outcome);
        }
    }

    /**
     * Refuses a quantity or price that {@code numeric(38,6)} cannot hold exactly: negative, more
     * than 6 decimals (the database would round them), or more than 32 digits before the point
     * (the database would refuse the whole statement with "numeric field overflow"). Values are
     * shown as {@link BigDecimal#toString()} writes them, so an exponent a client sent stays short.
     *
     * @param what names the value, such as "quantity of MUG-1"
     * @param outcome what the refusal left, such as "Nothing was created."
     */
    static void checkQuantity(BigDecimal value, String what, String outcome) {
        if (value == null || value.signum() < 0) {
            throw new StockOrderException("The " + what + " must be zero or more, not " + value + ". " + outcome);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > QUANTITY_SCALE) {
            throw new StockOrderException(
                    "The " + what + " (" + value + ") has more than " + QUANTITY_SCALE + " decimals. " + outcome);
        }
        if (stripped.precision() - stripped.scale() > QUANTITY_INTEGER_DIGITS) {
            throw new StockOrderException("The " + what + " (" + value + ") is too large: Restock keeps at most "
                    + QUANTITY_INTEGER_DIGITS + " digits before the decimal point. " + outcome);
        }
    }

    /**
     * Refuses a date outside {@link #FIRST_DATE} to {@link #LAST_DATE} (null passes: no date).
     * Outside them a date did not survive the database unchanged: the driver writes the largest
     * {@code LocalDate} as PostgreSQL's {@code infinity}, and {@code java.sql.Date} reads years
     * before 1 AD, and past what it can count, as other days. No order is expected or received
     * before 1900, and YYYY-MM-DD, the form Restock reads and writes dates in, ends at 9999.
     *
     * @param what names the date, such as "expected date"
     * @param outcome what the refusal left, such as "Nothing was created."
     */
    static void checkDate(LocalDate date, String what, String outcome) {
        if (date != null && (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE))) {
            throw new StockOrderException("The " + what + " " + date + " is outside the dates Restock accepts, "
                    + FIRST_DATE + " to " + LAST_DATE + ". " + outcome);
        }
    }
}
