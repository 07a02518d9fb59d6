package dev.restock.orders;

/**
 * A change refused because the order is saved to a connection (or being saved): from then on the
 * connection's table is the truth and changes come back through sync.
 */
public class OrderReadOnlyException extends StockOrderException {

    private final String reference;
    private final String connection;

    public OrderReadOnlyException(String reference, SaveState state, String connection) {
        super(message(reference, state, connection));
        this.reference = reference;
        this.connection = connection;
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
