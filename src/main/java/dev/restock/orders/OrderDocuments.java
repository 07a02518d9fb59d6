package dev.restock.orders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds {@link StockOrderDocument}s: the one place that decides how an order looks outside. */
@Component
public class OrderDocuments {

    /** The codes of an order's warehouses and vendor, its table and sync state. */
    private static final String CODES = """
            select o.id, w.code as warehouse, v.code as vendor, sw.code as source_warehouse, o.saved_table,
                   o.sync_state
            from stock_orders o
            join warehouses w on w.id = o.warehouse_id
            left join vendors v on v.id = o.vendor_id
            left join warehouses sw on sw.id = o.source_warehouse_id
            """;

    private final JdbcClient jdbc;

    public OrderDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** No limit: the API and the CLI show every line. */
    static final int ALL_LINES = Integer.MAX_VALUE;

    /** The order as it is now, every line; inside a transaction, as that transaction sees it. */
    public StockOrderDocument of(UUID orderId) {
        return of(orderId, ALL_LINES);
    }

    /** As {@link #of(UUID)}, without the lines when there are more than {@code lineLimit}. */
    StockOrderDocument of(UUID orderId, int lineLimit) {
        List<StockOrderLine> lines = jdbc.sql("select " + StockOrderRows.LINE_COLUMNS + StockOrderRows.LINE_ORDER)
                .param(orderId)
                .query(StockOrderRows::line)
                .list();
        return of(orderId, lines, lineLimit);
    }

    /**
     * The order as it is now with {@code lines}, which the caller read in the same state (in line
     * order, removed ones too), so that a large order's lines are not read twice; without the
     * lines when there are more than {@code lineLimit}.
     */
    StockOrderDocument of(UUID orderId, List<StockOrderLine> lines, int lineLimit) {
        StockOrder order = jdbc.sql("select " + StockOrderRows.ORDER_COLUMNS + " where o.id = ?")
                .param(orderId)
                .query(StockOrderRows::order)
                .optional()
                .orElseThrow(() -> StockOrders.notFound(orderId.toString()));
        return jdbc.sql(CODES + " where o.id = ?")
                .param(order.id())
                .query((rs, rowNum) -> document(order, lines, lineLimit, rs))
                .single();
    }

    /**
     * The orders as they are now, with three queries whatever their number, each without its
     * lines when it has more than {@code lineLimit}; ids not found are left out.
     */
    Map<UUID, StockOrderDocument> ofAll(Collection<UUID> orderIds, int lineLimit) {
        UUID[] ids = orderIds.toArray(UUID[]::new);
        Map<UUID, List<StockOrderLine>> lines = new HashMap<>();
        jdbc.sql("select " + StockOrderRows.LINE_COLUMNS
                        + " where order_id = any(?) order by order_id, length(line_item_id), line_item_id")
                .param(ids)
                .query(StockOrderRows::line)
                .list()
                .forEach(line -> lines.computeIfAbsent(line.orderId(), id -> new ArrayList<>())
                        .add(line));
        Map<UUID, StockOrder> orders = new HashMap<>();
        jdbc.sql("select " + StockOrderRows.ORDER_COLUMNS + " where o.id = any(?)")
                .param(ids)
                .query(StockOrderRows::order)
                .list()
                .forEach(order -> orders.put(order.id(), order));
        Map<UUID, StockOrderDocument> documents = new LinkedHashMap<>();
        jdbc.sql(CODES + " where o.id = any(?)")
                .param(ids)
                .query((rs, rowNum) -> {
                    StockOrder order = orders.get(rs.getObject("id", UUID.class));
                    return document(order, lines.getOrDefault(order.id(), List.of()), lineLimit, rs);
                })
                .list()
                .forEach(document -> documents.put(UUID.fromString(document.id()), document));
        return documents;
    }

    private static StockOrderDocument document(
            StockOrder order, List<StockOrderLine> orderLines, int lineLimit, ResultSet rs) throws SQLException {
        boolean included = orderLines.size() <= lineLimit;
        List<StockOrderDocument.Line> lines =
                included ? orderLines.stream().map(OrderDocuments::line).toList() : null;
        return new StockOrderDocument(
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
                orderLines.size(),
                included,
                lines);
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
