package dev.restock.wmsbridge;

import java.math.BigDecimal;
import java.util.List;

/** An order as the WMS takes it: the header once, then its lines. */
record WmsOrder(
        String reference, String type, String warehouse, String vendor, String sourceWarehouse, List<Line> lines) {

    WmsOrder {
        lines = List.copyOf(lines);
    }

    record Line(String lineItemId, String sku, String title, BigDecimal quantity) {}

    /** Folds the table's rows of one order (order fields repeat on every row) into one order. */
    static WmsOrder fromRows(List<OrderRow> rows) {
        OrderRow first = rows.getFirst();
        List<Line> lines = rows.stream()
                .map(row -> new Line(row.lineItemId(), row.sku(), row.title(), row.quantity()))
                .toList();
        return new WmsOrder(
                first.reference(), first.type(), first.warehouse(), first.vendor(), first.sourceWarehouse(), lines);
    }
}
