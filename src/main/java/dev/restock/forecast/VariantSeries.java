package dev.restock.forecast;

import static java.util.Objects.requireNonNull;

/** The demand series of one variant in one warehouse, with the names a report shows. */
public record VariantSeries(long variantId, String sku, long warehouseId, String warehouse, DemandSeries series) {

    public VariantSeries {
        requireNonNull(sku, "sku");
        requireNonNull(warehouse, "warehouse");
        requireNonNull(series, "series");
    }
}
