package dev.restock.orders;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a user gives to create a stock order.
 *
 * @param vendorId required for purchase orders
 * @param sourceWarehouseId required for transfer orders, optional for assembly orders
 */
public record NewStockOrder(
        OrderType type,
        long warehouseId,
        Long vendorId,
        Long sourceWarehouseId,
        String currency,
        LocalDate expectedDate) {

    public NewStockOrder {
        Objects.requireNonNull(type, "type");
        if (type == OrderType.PO && vendorId == null) {
            throw new StockOrderException("A purchase order needs a vendor. Nothing was created.");
        }
        if (type == OrderType.TRANSFER && sourceWarehouseId == null) {
            throw new StockOrderException("A transfer order needs a source warehouse. Nothing was created.");
        }
        if (sourceWarehouseId != null && sourceWarehouseId == warehouseId) {
            throw new StockOrderException(
                    "The source warehouse must differ from the destination. Nothing was created.");
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new StockOrderException(
                    "Currency '" + currency + "' is not an ISO 4217 code such as EUR. Nothing was created.");
        }
    }

    public static NewStockOrder purchase(long warehouseId, long vendorId, String currency) {
        return new NewStockOrder(OrderType.PO, warehouseId, vendorId, null, currency, null);
    }
}
