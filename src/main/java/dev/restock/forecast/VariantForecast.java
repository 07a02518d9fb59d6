package dev.restock.forecast;

import static java.util.Objects.requireNonNull;

/** The forecast of one variant in one warehouse. */
public record VariantForecast(long variantId, String sku, long warehouseId, String warehouse, Forecast forecast) {

    public VariantForecast {
        requireNonNull(sku, "sku");
        requireNonNull(warehouse, "warehouse");
        requireNonNull(forecast, "forecast");
    }
}
