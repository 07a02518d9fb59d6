package dev.restock.orders;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a saved order as the connection's table holds it now: one line, with the order
 * fields that repeat on every line. A null means the table has no value (or no such column), and
 * sync never lets a null overwrite what Restock holds.
 */
public record DownstreamRow(
        String lineItemId,
        String status,
        String externalId,
        LocalDate expectedDate,
        String variantId,
        String sku,
        String title,
        String barcode,
        BigDecimal replenishment,
        BigDecimal received,
        LocalDate receivedDate,
        BigDecimal costPrice,
        Boolean removed) {}
