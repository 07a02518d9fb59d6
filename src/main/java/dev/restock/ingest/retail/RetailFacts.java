package dev.restock.ingest.retail;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an Online Retail file says beyond its lines, gathered while the lines stream into the
 * database: per SKU its descriptions and prices (a title is only known once every line has been
 * seen), the skipped lines by reason, and each invoice's line count for stable line keys.
 *
 * <p>Counting costs one map look-up per line and value (mutable counters, prices kept as the file
 * writes them); the counts are summed up once, when asked for.
 *
 * <p>Not thread-safe; filled by the reading thread.
 */
final class RetailFacts {

    /** A count that a map can hold and the caller can raise without boxing. */
    private static final class Count {
        int value;
    }

    /**
     * What the file says of one SKU. Descriptions of sales are kept apart: adjustment lines
     * carry notes such as "damaged" or "found" in place of the item's name.
     */
    static final class SkuFacts {
        private final Map<String, Count> saleDescriptions = new HashMap<>(4);
        private final Map<String, Count> otherDescriptions = new HashMap<>(4);
        private final Map<BigDecimal, Count> salePrices = new HashMap<>(4);
        /** Lines of one SKU mostly repeat its description and price: the last ones are at hand. */
        private String lastDescription;

        private Count lastDescriptionCount;
        private BigDecimal lastPrice;
        private Count lastPriceCount;
        /** The SKU's variant id, asked of {@link VariantIds} once; 0 until then (ids start at 1). */
        private long variantId;

        /** The variant id of this SKU: one look-up for the SKU's facts and its id. */
        long variantId(String sku, VariantIds ids) throws SQLException {
            if (variantId == 0) {
                variantId = ids.idOf(sku);
            }
            return variantId;
        }

        /** Descriptions of sales and how often each was written, else those of other lines. */
        Map<String, Integer> descriptions() {
            return counts(saleDescriptions.isEmpty() ? otherDescriptions : saleDescriptions);
        }

        /** Positive prices of sales, equal values merged (2.5 and 2.50), and how often each was paid. */
        Map<BigDecimal, Integer> salePrices() {
            Map<BigDecimal, Integer> prices = new HashMap<>();
            salePrices.forEach((price, count) -> prices.merge(price.stripTrailingZeros(), count.value, Integer::sum));
            return prices;
        }

        private void countSaleDescription(String description) {
            if (!description.equals(lastDescription)) {
                lastDescription = description;
                lastDescriptionCount = saleDescriptions.computeIfAbsent(description, any -> new Count());
            }
            lastDescriptionCount.value++;
        }

        /** Counted by value as written (2.5 and 2.50 apart), as the map keys are; merged when asked for. */
        private void countSalePrice(BigDecimal price) {
            if (!price.equals(lastPrice)) {
                lastPrice = price;
                lastPriceCount = salePrices.computeIfAbsent(price, any -> new Count());
            }
            lastPriceCount.value++;
        }

        private static <K> Map<K, Integer> counts(Map<K, Count> counts) {
            Map<K, Integer> values = new HashMap<>();
            counts.forEach((key, count) -> values.put(key, count.value));
            return values;
        }
    }

    private final Map<String, SkuFacts> skus = new HashMap<>();
    private final Map<String, Count> linesPerInvoice = new HashMap<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private String invoice;
    private Count invoiceLines;

    /**
     * Numbers every line within its invoice, skipped lines included, so that the same file
     * always gives the same key (invoice, line) whatever is skipped. Lines of an invoice usually
     * follow each other, so the current invoice's count is at hand.
     */
    String nextLineRef(String lineInvoice) {
        if (!lineInvoice.equals(invoice)) {
            invoice = lineInvoice;
            invoiceLines = linesPerInvoice.computeIfAbsent(lineInvoice, key -> new Count());
        }
        return Integer.toString(++invoiceLines.value);
    }

    void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    /** Counts the line's facts; returns the SKU's facts (and through them its variant id). */
    SkuFacts record(String sku, String kind, RetailLine line) {
        SkuFacts facts = skus.computeIfAbsent(sku, key -> new SkuFacts());
        if (kind.equals("sale")) {
            facts.countSaleDescription(line.description());
            if (line.unitPrice().signum() > 0) {
                facts.countSalePrice(line.unitPrice());
            }
        } else {
            count(facts.otherDescriptions, line.description());
        }
        return facts;
    }

    /** Every SKU seen, in SKU order. */
    Map<String, SkuFacts> skus() {
        return new TreeMap<>(skus);
    }

    int skuCount() {
        return skus.size();
    }

    Map<String, Long> skipped() {
        return skipped;
    }

    long skippedCount() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    private static <K> void count(Map<K, Count> counts, K key) {
        counts.computeIfAbsent(key, any -> new Count()).value++;
    }
}
