package dev.restock.connections;

import dev.restock.orders.StockOrder;

/** A finished push: the order as saved, where it went, and how many rows it has there. */
public record PushResult(StockOrder order, String connection, String table, long rows) {}
