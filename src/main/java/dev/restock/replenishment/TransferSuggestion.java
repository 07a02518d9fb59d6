package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** Move {@code quantity} of a variant from an overstocked warehouse to a short one. */
public record TransferSuggestion(
        long variantId, String sku, String fromWarehouse, String toWarehouse, BigDecimal quantity) {

    public TransferSuggestion {
        requireNonNull(sku, "sku");
        requireNonNull(fromWarehouse, "fromWarehouse");
        requireNonNull(toWarehouse, "toWarehouse");
        if (fromWarehouse.equals(toWarehouse)) {
            throw new IllegalArgumentException("a transfer needs two warehouses, got " + fromWarehouse + " twice");
        }
        if (requireNonNull(quantity, "quantity").signum() <= 0) {
            throw new IllegalArgumentException("a transfer moves a positive quantity: " + quantity);
        }
    }

    /** Stock per warehouse after the transfer: less at the source, as much more at the destination. */
    public Map<String, BigDecimal> applyTo(Map<String, BigDecimal> stockByWarehouse) {
        Map<String, BigDecimal> after = new HashMap<>(stockByWarehouse);
        after.merge(fromWarehouse, quantity.negate(), BigDecimal::add);
        after.merge(toWarehouse, quantity, BigDecimal::add);
        return Map.copyOf(after);
    }
}
