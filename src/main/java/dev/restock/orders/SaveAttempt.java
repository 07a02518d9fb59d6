package dev.restock.orders;

import java.util.List;
import java.util.UUID;

/**
 * One push of an order to a connection, as started by {@link OrderSaves#begin}: the order and its
 * lines as they were when it became read-only, so they cannot change under the push.
 *
 * @param statusToWrite the status the connection's rows carry: a draft is opened by saving it
 */
public record SaveAttempt(
        UUID attemptId, String connection, StockOrder order, List<StockOrderLine> lines, String statusToWrite) {

    public SaveAttempt {
        lines = List.copyOf(lines);
    }
}
