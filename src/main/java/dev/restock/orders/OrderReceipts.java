package dev.restock.orders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Receives stock against the lines of an open order that is not saved to a connection (a saved
 * order's receipts come back from the connection through sync). A receipt adds to what the line
 * has received; more than ordered is refused beyond
 * {@link OrderSettings#overReceiptTolerancePercent()}. The first receipt moves an {@code OPEN}
 * order to {@code PARTIALLY RECEIVED}; the receipt that completes every line closes it.
 */
@Service
public class OrderReceipts {

    static final String OPEN = "OPEN";
    static final String PARTIALLY_RECEIVED = "PARTIALLY RECEIVED";
    static final String CLOSED = "CLOSED";

    private final JdbcClient jdbc;
    private final StockOrders orders;
    private final OrderHistory history;
    private final OrderSettings settings;
    private final Clock clock;

    public OrderReceipts(
            JdbcClient jdbc, StockOrders orders, OrderHistory history, OrderSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Adds {@code quantity} to what the line has received, on {@code date} (today in UTC when
     * null). Writes {@code stock_order.received}, or {@code stock_order.closed} when the receipt
     * completes the order.
     */
    public StockOrderLine receive(UUID orderId, String lineItemId, BigDecimal quantity, LocalDate date, Actor actor) {
        StockOrders.checkQuantity(quantity, "quantity received", StockOrders.NOTHING_RECEIVED);
        if (quantity.signum() == 0) {
            throw new StockOrderException(
                    "The quantity received must be more than zero. " + StockOrders.NOTHING_RECEIVED);
        }
        StockOrders.checkDate(date, "receipt date", StockOrders.NOTHING_RECEIVED);
        LocalDate receivedOn = date != null ? date : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        orders.change(orderId, order -> {
            checkReceivable(order);
            StockOrderLine line = orders.existingLine(order, lineItemId);
            BigDecimal received = line.received().add(quantity);
            checkTolerance(order, line, quantity, received);
            // A tolerance above 0% lets the total outgrow the ordered quantity, and the column.
            StockOrders.checkQuantity(
                    received,
                    "total received on line " + lineItemId + " (" + line.sku() + ")",
                    StockOrders.NOTHING_RECEIVED);

            jdbc.sql("""
                    update stock_order_lines set received = ?, received_date = ?
                    where order_id = ? and line_item_id = ?
                    """).params(received, receivedOn, orderId, lineItemId).update();
            history.record(orderId, actor, "line " + lineItemId + " received", line.received(), received);
            if (!receivedOn.equals(line.receivedDate())) {
                history.record(
                        orderId, actor, "line " + lineItemId + " received_date", line.receivedDate(), receivedOn);
            }
            advanceStatus(order, actor);
            return null;
        });
        return orders.lines(orderId).stream()
                .filter(line -> line.lineItemId().equals(lineItemId))
                .findFirst()
                .orElseThrow();
    }

    private static void checkReceivable(StockOrder order) {
        if (order.statusType() == StatusType.DRAFT) {
            throw new StockOrderException("Order " + order.reference() + " is a draft (" + order.status()
                    + ") and cannot receive stock. Nothing was received; open it first with `restock orders status "
                    + order.reference() + " OPEN`, or save it to a connection.");
        }
        if (order.statusType() != StatusType.ACTIVE) {
            throw new StockOrderException("Order " + order.reference() + " is " + order.status()
                    + " and cannot receive stock. Nothing was received.");
        }
    }

    private void checkTolerance(StockOrder order, StockOrderLine line, BigDecimal quantity, BigDecimal received) {
        BigDecimal limit = settings.receivableLimit(line.replenishment());
        if (received.compareTo(limit) > 0) {
            throw new StockOrderException("Receiving " + StockOrders.plain(quantity) + " on line " + line.lineItemId()
                    + " ("
                    + line.sku() + ") of " + order.reference() + " would make " + StockOrders.plain(received)
                    + " received of "
                    + StockOrders.plain(line.replenishment()) + " ordered, more than the over-receipt tolerance of "
                    + StockOrders.plain(settings.overReceiptTolerancePercent()) + "% allows (at most "
                    + StockOrders.plain(limit)
                    + "). Nothing was received; raise the line's quantity first, or set"
                    + " restock.orders.over-receipt-tolerance-percent.");
        }
    }

    /** The first receipt makes an open order partially received; receiving every line closes it. */
    private void advanceStatus(StockOrder order, Actor actor) {
        boolean complete = jdbc.sql("""
                        select count(*) from stock_order_lines
                        where order_id = ? and not removed and received < replenishment
                        """).param(order.id()).query(Long.class).single() == 0;
        String next = complete ? CLOSED : order.status().equals(OPEN) ? PARTIALLY_RECEIVED : order.status();
        if (!next.equals(order.status()) && orders.knownStatus(next).isPresent()) {
            orders.setStatus(order, next, actor);
        }
    }
}
