package dev.restock.orders;

import java.util.List;
import java.util.UUID;

/**
 * One push of an order to a connection, as started by {@link OrderSaves#begin}: the order and its
 * lines as they were when it became read-only, so they cannot change under the push.
 *
 * @param allLines every line of the order, removed ones too, read once for the rows and for the
 *     {@code stock_order.saved} event
 * @param statusToWrite the status the connection's rows carry: a draft is opened by saving it
 */
public record SaveAttempt(
        UUID attemptId, String connection, StockOrder order, List<StockOrderLine> allLines, String statusToWrite) {

    public SaveAttempt {
        allLines = List.copyOf(allLines);
    }

    /** The lines written to the connection: those not removed. */
    public List<StockOrderLine> lines() {
        return allLines.stream().filter(line -> !line.removed()).toList();
    }
}
