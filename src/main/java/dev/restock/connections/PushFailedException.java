package dev.restock.connections;

import dev.restock.RestockException;
import java.util.UUID;

/**
 * A push that did not save the order. The message says whether Restock removed what it wrote
 * (the order is editable again) or could not tell (the order stays {@code saving} until recovery
 * settles it).
 */
public class PushFailedException extends RestockException {

    private final UUID orderId;
    private final boolean settled;

    public PushFailedException(String message, UUID orderId, boolean settled, Throwable cause) {
        super(message, cause);
        this.orderId = orderId;
        this.settled = settled;
    }

    public UUID orderId() {
        return orderId;
    }

    /** True when the connection's table is known to hold none of the order. */
    public boolean settled() {
        return settled;
    }
}
