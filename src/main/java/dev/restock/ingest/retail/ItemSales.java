package dev.restock.ingest.retail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Online Retail file says about one SKU, gathered line by line. Mutable while the file is
 * read, then only read; not thread-safe.
 */
final class ItemSales {

    private final String sku;
    private final Map<String, Integer> descriptions = new HashMap<>();
    private final List<Long> quantities = new ArrayList<>();
    private final List<BigDecimal> prices = new ArrayList<>();
    private final Map<String, Long> netUnits = new TreeMap<>();

    ItemSales(String sku) {
        this.sku = sku;
    }

    void addSale(String warehouse, long quantity, BigDecimal unitPrice, String description) {
        quantities.add(quantity);
        prices.add(unitPrice);
        netUnits.merge(warehouse, quantity, Long::sum);
        if (!description.isEmpty()) {
            descriptions.merge(description, 1, Integer::sum);
        }
    }

    void addCancellation(String warehouse, long quantity) {
        netUnits.merge(warehouse, -Math.abs(quantity), Long::sum);
    }

    String sku() {
        return sku;
    }

    int saleLines() {
        return quantities.size();
    }

    List<Long> quantities() {
        return quantities;
    }

    /** The description on most sale lines; ties go to the alphabetically first, for determinism. */
    String description() {
        return descriptions.entrySet().stream()
                .min(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(sku);
    }

    /**
     * The middle unit price of the sale lines; with an even count the lower of the two middle
     * ones, so that it is always a price the store really charged.
     */
    BigDecimal medianPrice() {
        List<BigDecimal> sorted =
                prices.stream().sorted(Comparator.naturalOrder()).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** Units sold less units cancelled in a warehouse, never below zero. */
    long netUnits(String warehouse) {
        return Math.max(0, netUnits.getOrDefault(warehouse, 0L));
    }
}
