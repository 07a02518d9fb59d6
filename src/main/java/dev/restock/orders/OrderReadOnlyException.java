package dev.restock.orders;

import java.time.temporal.ChronoUnit;

/**
 * A change refused because the order is saved to a connection (or being saved): from then on the
 * connection's table is the truth and changes come back through sync.
 */
public class OrderReadOnlyException extends StockOrderException {

    private final String reference;
    private final String connection;

    public OrderReadOnlyException(String reference, SaveState state, String connection) {
        this(message(reference, state, connection), reference, connection);
    }

    private OrderReadOnlyException(String message, String reference, String connection) {
        super(message);
        this.reference = reference;
        this.connection = connection;
    }

    /**
     * A save of an order that is saved already (or being saved): says that first, with when it
     * was saved if known, then why it cannot be saved again.
     */
    static OrderReadOnlyException alreadySaved(StockOrder order) {
        String message;
        if (order.saveState() == SaveState.SAVING) {
            message = "Order " + order.reference() + " is already being saved to connection '" + order.savedTo()
                    + "'. It was not saved again; `restock orders recover` settles a save that was interrupted.";
        } else {
            String when =
                    order.savedAt() == null ? "" : " on " + order.savedAt().truncatedTo(ChronoUnit.SECONDS);
            message = "Order " + order.reference() + " is already saved to connection '" + order.savedTo() + "'"
                    + when + ". A saved order is read-only in Restock, so it was not saved again; change it in"
                    + " that connection's table and run `restock sync` to bring the change back.";
        }
        return new OrderReadOnlyException(message, order.reference(), order.savedTo());
    }

    private static String message(String reference, SaveState state, String connection) {
        if (state == SaveState.SAVING) {
            return "Order " + reference + " is being saved to connection '" + connection
                    + "' and is read-only until that finishes. Nothing was changed.";
        }
        return "Order " + reference + " is saved to connection '" + connection
                + "' and is read-only in Restock. Nothing was changed; change the order in that"
                + " connection's table and run `restock sync` to bring the change back.";
    }

    public String reference() {
        return reference;
    }

    public String connection() {
        return connection;
    }
}
