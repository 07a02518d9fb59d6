package dev.restock.ingest.retail;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what a line of the Online Retail data is: a sale of a product, a cancellation, a
 * stock adjustment, or not a product at all (postage, fees, manual lines, discounts), which is
 * skipped and reported.
 */
final class RetailLineKind {

    /** Stock codes that are not products, with the reason reported when they are skipped. */
    private static final Map<String, String> NON_PRODUCT_CODES = Map.ofEntries(
            Map.entry("POST", "postage"),
            Map.entry("DOT", "dotcom postage"),
            Map.entry("C2", "carriage"),
            Map.entry("M", "manual line"),
            Map.entry("D", "discount"),
            Map.entry("S", "samples"),
            Map.entry("B", "bad debt adjustment"),
            Map.entry("BANK CHARGES", "bank charges"),
            Map.entry("AMAZONFEE", "Amazon fee"),
            Map.entry("CRUK", "CRUK commission"),
            Map.entry("PADS", "token-priced pads"));

    private RetailLineKind() {}

    /** The SKU of a stock code: upper case, since the data writes some codes both ways. */
    static String sku(String stockCode) {
        return stockCode.trim().toUpperCase(Locale.ROOT);
    }

    /** Why a line is not a product line, or empty when it is one. */
    static Optional<String> skipReason(String sku) {
        String reason = NON_PRODUCT_CODES.get(sku);
        if (reason != null) {
            return Optional.of(sku + " (" + reason + ")");
        }
        if (sku.startsWith("GIFT_")) {
            return Optional.of("gift_* (gift voucher)");
        }
        return Optional.empty();
    }

    /**
     * The kind stored on the sales line. Invoices starting with C are cancellations; other
     * negative quantities, and free lines without a customer, are stock adjustments (damages,
     * stock found), which are not sales.
     */
    static String kind(RetailLine line) {
        if (line.invoice().toUpperCase(Locale.ROOT).startsWith("C")) {
            return "cancellation";
        }
        if (line.quantity().signum() < 0) {
            return "adjustment";
        }
        if (line.unitPrice().signum() <= 0 && line.customer() == null) {
            return "adjustment";
        }
        return "sale";
    }

    /** The product a variant belongs to: the numeric part of a code such as 85123A. */
    static String productCode(String sku) {
        int end = 0;
        while (end < sku.length() && Character.isDigit(sku.charAt(end))) {
            end++;
        }
        return end >= 4 ? sku.substring(0, end) : sku;
    }

    static boolean isPositive(BigDecimal value) {
        return value.signum() > 0;
    }
}
