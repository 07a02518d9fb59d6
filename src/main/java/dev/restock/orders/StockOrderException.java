package dev.restock.orders;

import dev.restock.RestockException;

/** A change to a stock order that Restock refused; nothing was changed. */
public class StockOrderException extends RestockException {

    public StockOrderException(String message) {
        super(message);
    }
}
