package dev.restock.orders;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Maps rows of {@code stock_orders} and {@code stock_order_lines} to records. */
final class StockOrderRows {

    static final String ORDER_COLUMNS = """
            o.id, o.reference, o.type, o.status, s.type as status_type, o.warehouse_id, o.vendor_id,
            o.source_warehouse_id, o.currency, o.created_at, o.expected_date, o.save_state, o.saved_to,
            o.saved_at, o.push_attempt_id, o.last_error, o.external_id
            from stock_orders o join order_statuses s on s.name = o.status
            """;

    static final String LINE_COLUMNS = """
            order_id, line_item_id, variant_id, sku, title, barcode, replenishment, received,
            received_date, cost_price, removed
            from stock_order_lines
            """;

    /** Lines of one order in the order they were added: line item ids count up from 1. */
    static final String LINE_ORDER = " where order_id = ? order by length(line_item_id), line_item_id";

    private StockOrderRows() {}

    static StockOrder order(ResultSet rs, int rowNum) throws SQLException {
        return new StockOrder(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                OrderType.fromCode(rs.getString("type")),
                rs.getString("status"),
                StatusType.fromCode(rs.getString("status_type")),
                rs.getLong("warehouse_id"),
                rs.getObject("vendor_id", Long.class),
                rs.getObject("source_warehouse_id", Long.class),
                rs.getString("currency"),
                instant(rs, "created_at"),
                date(rs, "expected_date"),
                SaveState.fromCode(rs.getString("save_state")),
                rs.getString("saved_to"),
                instant(rs, "saved_at"),
                rs.getObject("push_attempt_id", UUID.class),
                rs.getString("last_error"),
                rs.getString("external_id"));
    }

    static StockOrderLine line(ResultSet rs, int rowNum) throws SQLException {
        return new StockOrderLine(
                rs.getObject("order_id", UUID.class),
                rs.getString("line_item_id"),
                rs.getObject("variant_id", Long.class),
                rs.getString("sku"),
                rs.getString("title"),
                rs.getString("barcode"),
                rs.getBigDecimal("replenishment"),
                rs.getBigDecimal("received"),
                date(rs, "received_date"),
                rs.getBigDecimal("cost_price"),
                rs.getBoolean("removed"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }
}
