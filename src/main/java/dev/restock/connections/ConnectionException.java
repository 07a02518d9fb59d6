package dev.restock.connections;

import dev.restock.RestockException;

/** A connection that is unknown, misconfigured or whose secret cannot be read. */
public class ConnectionException extends RestockException {

    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
