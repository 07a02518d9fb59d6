package dev.restock;

/** Something a user named (an order, a connection, a webhook) does not exist; HTTP 404 in the API. */
public class NotFoundException extends RestockException {

    public NotFoundException(String message) {
        super(message);
    }
}
