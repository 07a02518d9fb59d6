package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * A stock order the report proposes, before it exists. The orders package creates it as a draft.
 *
 * @param type {@code po}, {@code transfer} or {@code assembly} (the order types' codes; a string,
 *     since orders are downstream of the replenishment)
 * @param vendorId the vendor of a purchase order, else null
 * @param sourceWarehouseId the source of a transfer, else null
 * @param currency of the vendor's costs; null when unknown or not a purchase order
 */
public record OrderProposal(
        String type,
        long warehouseId,
        String warehouse,
        Long vendorId,
        String vendor,
        Long sourceWarehouseId,
        String sourceWarehouse,
        String currency,
        List<Line> lines) {

    public static final String PURCHASE = "po";
    public static final String TRANSFER = "transfer";
    public static final String ASSEMBLY = "assembly";

    public OrderProposal {
        requireNonNull(type, "type");
        requireNonNull(warehouse, "warehouse");
        lines = List.copyOf(lines);
    }

    /** @param unitCost the vendor's cost for a purchase order line; null otherwise or unknown */
    public record Line(long variantId, String sku, BigDecimal quantity, BigDecimal unitCost) {

        public Line {
            requireNonNull(sku, "sku");
            if (requireNonNull(quantity, "quantity").signum() <= 0) {
                throw new IllegalArgumentException("a proposed line orders a positive quantity: " + quantity);
            }
        }
    }
}
