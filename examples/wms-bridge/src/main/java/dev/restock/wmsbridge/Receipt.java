package dev.restock.wmsbridge;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Goods received against one order line, as the WMS reports it. {@code receivedTotal} is the
 * total received on the line so far, not this delivery alone, so applying a receipt twice
 * changes nothing. {@code orderKey} is the idempotency key the order was created with:
 * Restock's order id.
 */
record Receipt(
        long sequence,
        String wmsOrderId,
        String orderKey,
        String lineItemId,
        BigDecimal receivedTotal,
        LocalDate date) {}
