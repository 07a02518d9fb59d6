package dev.restock.connections;

import dev.restock.orders.SaveAttempt;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrderLine;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Turns a stock order into the rows of the connection table contract: one per line. */
@Component
class ContractRows {

    private final JdbcClient jdbc;

    ContractRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of an attempt, each a value per column written by Restock. */
    List<Map<ContractColumn, Object>> of(SaveAttempt attempt, Instant updatedAt) {
        StockOrder order = attempt.order();
        Map<ContractColumn, Object> header = new EnumMap<>(ContractColumn.class);
        header.put(ContractColumn.ID, order.id().toString());
        header.put(ContractColumn.REFERENCE, order.reference());
        header.put(ContractColumn.TYPE, order.type().code());
        header.put(ContractColumn.STATUS, attempt.statusToWrite());
        header.put(ContractColumn.WAREHOUSE, warehouseCode(order.warehouseId()));
        header.put(ContractColumn.VENDOR, order.vendorId() == null ? null : vendorCode(order.vendorId()));
        header.put(
                ContractColumn.SOURCE_WAREHOUSE,
                order.sourceWarehouseId() == null ? null : warehouseCode(order.sourceWarehouseId()));
        header.put(ContractColumn.CURRENCY, order.currency());
        header.put(ContractColumn.CREATED_DATE, order.createdAt());
        header.put(ContractColumn.EXPECTED_DATE, order.expectedDate());
        header.put(ContractColumn.UPDATED_AT, updatedAt);

        return attempt.lines().stream().map(line -> row(header, line)).toList();
    }

    private static Map<ContractColumn, Object> row(Map<ContractColumn, Object> header, StockOrderLine line) {
        Map<ContractColumn, Object> row = new EnumMap<>(header);
        row.put(ContractColumn.LINE_ITEM_ID, line.lineItemId());
        row.put(
                ContractColumn.VARIANT_ID,
                line.variantId() == null ? null : line.variantId().toString());
        row.put(ContractColumn.SKU, line.sku());
        row.put(ContractColumn.BARCODE, line.barcode());
        row.put(ContractColumn.TITLE, line.title());
        row.put(ContractColumn.REPLENISHMENT, line.replenishment());
        row.put(ContractColumn.RECEIVED, line.received());
        row.put(ContractColumn.RECEIVED_DATE, line.receivedDate());
        row.put(ContractColumn.COST_PRICE, line.costPrice());
        row.put(ContractColumn.REMOVED, line.removed());
        return row;
    }

    private String warehouseCode(long id) {
        return jdbc.sql("select code from warehouses where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private String vendorCode(long id) {
        return jdbc.sql("select code from vendors where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }
}
