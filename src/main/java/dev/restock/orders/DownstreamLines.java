package dev.restock.orders;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies the rows read back from a connection to an order's lines. Runs inside the transaction
 * of {@link OrderSyncWriter}, which holds the order's lock. Lines are flagged removed, never
 * deleted: their history and receipts stay with the order.
 */
final class DownstreamLines {

    private final JdbcClient jdbc;
    private final OrderHistory history;

    DownstreamLines(JdbcClient jdbc, OrderHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** Applies what differs and returns how many lines changed; problems go to {@code problems}. */
    int apply(UUID orderId, List<DownstreamRow> rows, Actor actor, List<String> problems) {
        Map<String, StockOrderLine> known = new LinkedHashMap<>();
        lines(orderId).forEach(line -> known.put(line.lineItemId(), line));
        Map<String, DownstreamRow> byLine = byLineItemId(rows, problems);

        int changed = 0;
        for (DownstreamRow row : byLine.values()) {
            StockOrderLine line = known.get(row.lineItemId());
            boolean lineChanged = line == null ? add(orderId, row, actor, problems) : update(line, row, actor);
            changed += lineChanged ? 1 : 0;
        }
        for (StockOrderLine line : known.values()) {
            // A row deleted downstream is a line removed downstream; the flag keeps its history.
            if (!byLine.containsKey(line.lineItemId()) && !line.removed()) {
                set(line, "removed", false, true, actor);
                changed++;
            }
        }
        return changed;
    }

    private static Map<String, DownstreamRow> byLineItemId(List<DownstreamRow> rows, List<String> problems) {
        Map<String, DownstreamRow> byLine = new LinkedHashMap<>();
        for (DownstreamRow row : rows) {
            if (row.lineItemId() == null) {
                problems.add("a row has no LINE_ITEM_ID and was ignored");
            } else if (byLine.putIfAbsent(row.lineItemId(), row) != null) {
                problems.add("LINE_ITEM_ID " + row.lineItemId() + " appears more than once; the first row was applied");
            }
        }
        return byLine;
    }

    private boolean update(StockOrderLine line, DownstreamRow row, Actor actor) {
        boolean changed = set(line, "replenishment", line.replenishment(), row.replenishment(), actor);
        changed |= set(line, "received", line.received(), row.received(), actor);
        changed |= set(line, "received_date", line.receivedDate(), row.receivedDate(), actor);
        changed |= set(line, "removed", line.removed(), row.removed(), actor);
        return changed;
    }

    /** Sets one column when the downstream value is present and differs; {@code column} is ours. */
    private boolean set(StockOrderLine line, String column, Object current, Object downstream, Actor actor) {
        if (downstream == null || same(current, downstream)) {
            return false;
        }
        jdbc.sql("update stock_order_lines set " + column + " = ? where order_id = ? and line_item_id = ?")
                .params(downstream, line.orderId(), line.lineItemId())
                .update();
        history.record(line.orderId(), actor, "line " + line.lineItemId() + " " + column, current, downstream);
        return true;
    }

    /** A line added downstream, with the variant found by VARIANT_ID, else by SKU, when Restock knows it. */
    private boolean add(UUID orderId, DownstreamRow row, Actor actor, List<String> problems) {
        Variant variant = variant(row);
        String sku = row.sku() != null ? row.sku() : variant == null ? null : variant.sku();
        if (sku == null) {
            problems.add("line " + row.lineItemId() + " was added downstream without a SKU or a known VARIANT_ID"
                    + " and was not added");
            return false;
        }
        BigDecimal quantity = Objects.requireNonNullElse(row.replenishment(), BigDecimal.ZERO);
        jdbc.sql("""
                insert into stock_order_lines (order_id, line_item_id, variant_id, sku, title, barcode,
                                               replenishment, received, received_date, cost_price, removed)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        orderId,
                        row.lineItemId(),
                        variant == null ? null : variant.id(),
                        sku,
                        row.title() != null || variant == null ? row.title() : variant.title(),
                        row.barcode() != null || variant == null ? row.barcode() : variant.barcode(),
                        quantity,
                        Objects.requireNonNullElse(row.received(), BigDecimal.ZERO),
                        row.receivedDate(),
                        row.costPrice(),
                        Boolean.TRUE.equals(row.removed()))
                .update();
        history.record(orderId, actor, "line " + row.lineItemId(), null, quantity);
        return true;
    }

    private record Variant(long id, String sku, String title, String barcode) {}

    private Variant variant(DownstreamRow row) {
        String byId = "select id, sku, title, barcode from variants where id = ?";
        if (row.variantId() != null && row.variantId().matches("\\d{1,18}")) {
            var found = jdbc.sql(byId)
                    .param(Long.parseLong(row.variantId()))
                    .query(DownstreamLines::variant)
                    .optional();
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (row.sku() == null) {
            return null;
        }
        return jdbc.sql("select id, sku, title, barcode from variants where sku = ?")
                .param(row.sku())
                .query(DownstreamLines::variant)
                .optional()
                .orElse(null);
    }

    private static Variant variant(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Variant(rs.getLong("id"), rs.getString("sku"), rs.getString("title"), rs.getString("barcode"));
    }

    private List<StockOrderLine> lines(UUID orderId) {
        return jdbc.sql("select " + StockOrderRows.LINE_COLUMNS + " where order_id = ? for update")
                .param(orderId)
                .query(StockOrderRows::line)
                .list();
    }

    /** Decimals compare by value: 5 and 5.000000 are the same quantity. */
    static boolean same(Object current, Object downstream) {
        if (current instanceof BigDecimal a && downstream instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(current, downstream);
    }
}
