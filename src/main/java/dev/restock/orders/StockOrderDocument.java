package dev.restock.orders;

import java.math.BigDecimal;
import java.util.List;

/**
 * A stock order as the world outside sees it: the body of {@code orders show --format json}, of
 * the API, and the {@code order} of every stock order event (the webhook payload contract). Codes
 * name warehouses and vendors; times are ISO-8601 UTC text, dates {@code YYYY-MM-DD}; quantities
 * are exact decimals without trailing zeros, written as JSON numbers.
 *
 * <p>Events carry the lines of orders up to {@link OrderSettings#eventLinesLimit()} lines; a
 * larger order's event has {@code lines} null and {@code linesIncluded} false, and the receiver
 * reads the lines from the connection's table or from the API (docs/webhooks.md). {@code
 * lineCount} is always the number of lines, removed ones included.
 *
 * @param table the connection's table the order was saved to, null until saved
 * @param lines every line in line order, or null when {@code linesIncluded} is false
 */
public record StockOrderDocument(
        String id,
        String reference,
        String type,
        String status,
        String statusType,
        boolean readOnly,
        String saveState,
        String warehouse,
        String vendor,
        String sourceWarehouse,
        String currency,
        String savedTo,
        String table,
        String savedAt,
        String externalId,
        String createdAt,
        String expectedDate,
        String lastError,
        String syncState,
        int lineCount,
        boolean linesIncluded,
        List<Line> lines) {

    public StockOrderDocument {
        if (linesIncluded != (lines != null)) {
            throw new IllegalArgumentException("lines must be given exactly when linesIncluded is true");
        }
        lines = lines == null ? null : List.copyOf(lines);
    }

    /** This document without its lines, as the event of an order too large to carry them. */
    StockOrderDocument withoutLines() {
        return new StockOrderDocument(
                id,
                reference,
                type,
                status,
                statusType,
                readOnly,
                saveState,
                warehouse,
                vendor,
                sourceWarehouse,
                currency,
                savedTo,
                table,
                savedAt,
                externalId,
                createdAt,
                expectedDate,
                lastError,
                syncState,
                lineCount,
                false,
                null);
    }

    /** One line; {@code removed} lines were removed downstream and are kept with their receipts. */
    public record Line(
            String lineItemId,
            Long variantId,
            String sku,
            String title,
            String barcode,
            BigDecimal replenishment,
            BigDecimal received,
            String receivedDate,
            BigDecimal costPrice,
            boolean removed) {}
}
