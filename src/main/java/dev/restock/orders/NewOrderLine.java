package dev.restock.orders;

import java.math.BigDecimal;

/**
 * A line to add to a stock order: a variant by SKU, the quantity to order and, optionally, the
 * unit cost (without it a purchase order line takes the vendor's cost for the variant, if known).
 * The CLI and the API check what a user sent before they build one, so that their refusals can
 * say what the request left ("Nothing was created."); these checks only guard the record.
 */
public record NewOrderLine(String sku, BigDecimal quantity, BigDecimal costPrice) {

    public NewOrderLine {
        if (sku == null || sku.isBlank()) {
            throw new StockOrderException("A stock order line needs a SKU.");
        }
        if (quantity == null) {
            throw new StockOrderException("Line " + sku + " needs a quantity.");
        }
    }
}
