package dev.restock.ingest.entities;

import dev.restock.ingest.ImportException;
import java.math.BigDecimal;

/** Checks that involve more than one value of a row; single values are checked by their type. */
final class RowRules {

    private RowRules() {}

    static void check(EntityFile entity, EntityHeader header, EntityRow row) {
        switch (entity) {
            case VARIANT_WAREHOUSES -> maximumNotBelowMinimum(entity, header, row);
            case COMPONENTS -> notItsOwnComponent(entity, header, row);
            case SALES_ORDERS -> quantityMatchesKind(entity, header, row);
            default -> {}
        }
    }

    private static void maximumNotBelowMinimum(EntityFile entity, EntityHeader header, EntityRow row) {
        BigDecimal minimum = (BigDecimal) row.value(entity, "MIN_STOCK");
        BigDecimal maximum = (BigDecimal) row.value(entity, "MAX_STOCK");
        if (maximum != null && minimum != null && maximum.compareTo(minimum) < 0) {
            throw problem(
                    entity,
                    header,
                    row,
                    "MAX_STOCK",
                    "'" + maximum.toPlainString() + "' is below MIN_STOCK '" + minimum.toPlainString()
                            + "'; the maximum stock must be at least the minimum");
        }
    }

    private static void notItsOwnComponent(EntityFile entity, EntityHeader header, EntityRow row) {
        Object sku = row.value(entity, "SKU");
        if (sku.equals(row.value(entity, "COMPONENT_SKU"))) {
            throw problem(
                    entity,
                    header,
                    row,
                    "COMPONENT_SKU",
                    "'" + sku + "' is the SKU itself; a variant cannot be a component of itself");
        }
    }

    /**
     * The kind carries the direction, so a return of two units is QUANTITY 2, KIND return; only
     * an adjustment is signed. Restock stores returns and cancellations as negative quantities.
     */
    private static void quantityMatchesKind(EntityFile entity, EntityHeader header, EntityRow row) {
        String kind = row.value(entity, "KIND") == null ? "sale" : (String) row.value(entity, "KIND");
        BigDecimal quantity = (BigDecimal) row.value(entity, "QUANTITY");
        boolean signed = kind.equals("adjustment");
        if (signed && quantity.signum() == 0) {
            String problem = "'0' is not an adjustment; expected a quantity other than 0"
                    + " (negative lowers demand, positive raises it)";
            throw problem(entity, header, row, "QUANTITY", problem);
        }
        if (!signed && quantity.signum() <= 0) {
            String problem = "'" + quantity.toPlainString() + "' must be greater than 0 for a " + kind
                    + "; KIND gives the direction (sale, return, cancellation), only an adjustment is signed";
            throw problem(entity, header, row, "QUANTITY", problem);
        }
    }

    private static ImportException problem(
            EntityFile entity, EntityHeader header, EntityRow row, String column, String problem) {
        return new ImportException(entity.fileName(), row.line(), header.positionOf(column), column, problem);
    }
}
