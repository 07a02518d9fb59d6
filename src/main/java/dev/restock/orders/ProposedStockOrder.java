package dev.restock.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A draft stock order created from the replenishment report, as {@code orders propose} prints it.
 *
 * @param total sum of quantity × cost price over the lines with a cost price
 */
public record ProposedStockOrder(
        UUID id,
        String reference,
        String type,
        String warehouse,
        String vendor,
        String sourceWarehouse,
        String currency,
        List<Line> lines,
        BigDecimal total) {

    public ProposedStockOrder {
        lines = List.copyOf(lines);
    }

    public record Line(String lineItemId, String sku, BigDecimal quantity, BigDecimal costPrice) {}
}
