package dev.restock.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds {@link StockOrderDocument}s: the one place that decides how an order looks outside. */
@Component
public class OrderDocuments {

    private final JdbcClient jdbc;

    public OrderDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The order as it is now; inside a transaction, as that transaction sees it. */
    public StockOrderDocument of(UUID orderId) {
        StockOrder order = jdbc.sql("select " + StockOrderRows.ORDER_COLUMNS + " where o.id = ?")
                .param(orderId)
                .query(StockOrderRows::order)
                .optional()
                .orElseThrow(() -> StockOrders.notFound(orderId.toString()));
        List<StockOrderLine> lines = jdbc.sql("select " + StockOrderRows.LINE_COLUMNS + StockOrderRows.LINE_ORDER)
                .param(orderId)
                .query(StockOrderRows::line)
                .list();
        return of(order, lines);
    }

    /**
     * The order as it is now with {@code lines}, which the caller read in the same state (in line
     * order, removed ones too), so that a large order's lines are not read twice.
     */
    StockOrderDocument of(UUID orderId, List<StockOrderLine> lines) {
        StockOrder order = jdbc.sql("select " + StockOrderRows.ORDER_COLUMNS + " where o.id = ?")
                .param(orderId)
                .query(StockOrderRows::order)
                .optional()
                .orElseThrow(() -> StockOrders.notFound(orderId.toString()));
        return of(order, lines);
    }

    private StockOrderDocument of(StockOrder order, List<StockOrderLine> orderLines) {
        UUID orderId = order.id();
        List<StockOrderDocument.Line> lines =
                orderLines.stream().map(OrderDocuments::line).toList();
        return jdbc.sql("""
                select w.code as warehouse, v.code as vendor, sw.code as source_warehouse, o.saved_table,
                       o.sync_state
                from stock_orders o
                join warehouses w on w.id = o.warehouse_id
                left join vendors v on v.id = o.vendor_id
                left join warehouses sw on sw.id = o.source_warehouse_id
                where o.id = ?
                """)
                .param(orderId)
                .query((rs, rowNum) -> new StockOrderDocument(
                        order.id().toString(),
                        order.reference(),
                        order.type().code(),
                        order.status(),
                        order.statusType().code(),
                        order.readOnly(),
                        order.saveState().code(),
                        rs.getString("warehouse"),
                        rs.getString("vendor"),
                        rs.getString("source_warehouse"),
                        order.currency(),
                        order.savedTo(),
                        rs.getString("saved_table"),
                        text(order.savedAt()),
                        order.externalId(),
                        text(order.createdAt()),
                        text(order.expectedDate()),
                        order.lastError(),
                        rs.getString("sync_state"),
                        lines))
                .single();
    }

    private static StockOrderDocument.Line line(StockOrderLine line) {
        return new StockOrderDocument.Line(
                line.lineItemId(),
                line.variantId(),
                line.sku(),
                line.title(),
                line.barcode(),
                number(line.replenishment()),
                number(line.received()),
                text(line.receivedDate()),
                number(line.costPrice()),
                line.removed());
    }

    /** 12.000000 from the database reads 12; toPlainString first, or Jackson would write 1.2E+1. */
    static BigDecimal number(BigDecimal value) {
        return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }

    /** Instant.toString is ISO-8601 in UTC; LocalDate.toString is YYYY-MM-DD. */
    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}
