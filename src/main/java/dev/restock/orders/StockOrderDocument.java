package dev.restock.orders;

import java.math.BigDecimal;
import java.util.List;

/**
 * A stock order as the world outside sees it: the body of {@code orders show --format json}, of
 * the API, and the {@code order} of every stock order event (the webhook payload contract). Codes
 * name warehouses and vendors; times are ISO-8601 UTC text, dates {@code YYYY-MM-DD}; quantities
 * are exact decimals without trailing zeros, written as JSON numbers.
 *
 * @param table the connection's table the order was saved to, null until saved
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
        List<Line> lines) {

    public StockOrderDocument {
        lines = List.copyOf(lines);
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
