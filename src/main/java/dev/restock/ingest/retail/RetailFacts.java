package dev.restock.ingest.retail;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an Online Retail file says beyond its lines, gathered while the lines stream into the
 * database: per SKU its descriptions and prices (a title is only known once every line has been
 * seen), the skipped lines by reason, and each invoice's line count for stable line keys.
 *
 * <p>Not thread-safe; filled by the reading thread.
 */
final class RetailFacts {

    /**
     * What the file says of one SKU. Descriptions of sales are kept apart: adjustment lines
     * carry notes such as "damaged" or "found" in place of the item's name.
     */
    static final class SkuFacts {
        final Map<String, Integer> saleDescriptions = new HashMap<>(4);
        final Map<String, Integer> otherDescriptions = new HashMap<>(4);
        final Map<BigDecimal, Integer> salePrices = new HashMap<>(4);

        Map<String, Integer> descriptions() {
            return saleDescriptions.isEmpty() ? otherDescriptions : saleDescriptions;
        }
    }

    private final Map<String, SkuFacts> skus = new TreeMap<>();
    private final Map<String, Integer> linesPerInvoice = new HashMap<>();
    private final Map<String, Long> skipped = new TreeMap<>();

    /**
     * Numbers every line within its invoice, skipped lines included, so that the same file
     * always gives the same key (invoice, line) whatever is skipped.
     */
    String nextLineRef(String invoice) {
        return Integer.toString(linesPerInvoice.merge(invoice, 1, Integer::sum));
    }

    void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    void record(String sku, String kind, RetailLine line) {
        SkuFacts facts = skus.computeIfAbsent(sku, key -> new SkuFacts());
        if (kind.equals("sale")) {
            facts.saleDescriptions.merge(line.description(), 1, Integer::sum);
            if (line.unitPrice().signum() > 0) {
                facts.salePrices.merge(line.unitPrice().stripTrailingZeros(), 1, Integer::sum);
            }
        } else {
            facts.otherDescriptions.merge(line.description(), 1, Integer::sum);
        }
    }

    Map<String, SkuFacts> skus() {
        return skus;
    }

    Map<String, Long> skipped() {
        return skipped;
    }

    long skippedCount() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
}
