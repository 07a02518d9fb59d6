package dev.restock.replenishment;

/** A variant in a warehouse: the unit the replenishment is computed for. */
public record VariantWarehouse(long variantId, long warehouseId) {}
