package dev.restock.connections;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads and plants rows in a connection's table directly, bypassing the code under test. */
final class TargetRows {

    /** Opens a direct connection to the target; the caller closes it. */
    @FunctionalInterface
    interface Inspector {
        java.sql.Connection open() throws SQLException;
    }

    private final Inspector inspector;

    TargetRows(Inspector inspector) {
        this.inspector = inspector;
    }

    /**
     * Quotes each part of a table name as the SQL standard does, spelled out here rather than
     * borrowed from {@link SqlDialect}: a dialect that got the name's case wrong would otherwise
     * read back from the same wrong table and pass.
     */
    static String quoted(String table) {
        return java.util.Arrays.stream(table.split("\\."))
                .map(part -> '"' + part.replace("\"", "\"\"") + '"')
                .collect(java.util.stream.Collectors.joining("."));
    }

    long count(String table, UUID orderId) throws SQLException {
        try (java.sql.Connection target = inspector.open();
                PreparedStatement statement =
                        target.prepareStatement("select count(*) from " + quoted(table) + " where \"ID\" = ?")) {
            statement.setString(1, orderId.toString());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** One column of an order's rows, in line order, as text. */
    List<String> columnValues(String table, String column, UUID orderId) throws SQLException {
        List<String> values = new ArrayList<>();
        try (java.sql.Connection target = inspector.open();
                PreparedStatement statement = target.prepareStatement("select " + quoted(column) + " from "
                        + quoted(table) + " where \"ID\" = ? order by \"LINE_ITEM_ID\"")) {
            statement.setString(1, orderId.toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    void insertStrayRow(String table, UUID orderId) throws SQLException {
        try (java.sql.Connection target = inspector.open();
                PreparedStatement statement = target.prepareStatement(
                        "insert into " + quoted(table) + " (\"ID\", \"LINE_ITEM_ID\") values (?, '1')")) {
            statement.setString(1, orderId.toString());
            statement.executeUpdate();
        }
    }

    record Row(
            String id,
            String reference,
            String type,
            String status,
            String warehouse,
            String vendor,
            String currency,
            LocalDateTime created,
            LocalDate expected,
            String lineItemId,
            String sku,
            String title,
            String replenishment,
            String costPrice) {}

    List<Row> rows(String table, UUID orderId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (java.sql.Connection target = inspector.open();
                PreparedStatement statement = target.prepareStatement("""
                        select "ID", "REFERENCE", "TYPE", "STATUS", "WAREHOUSE", "VENDOR", "CURRENCY", "CREATED_DATE",
                               "EXPECTED_DATE", "LINE_ITEM_ID", "SKU", "TITLE", "REPLENISHMENT", "COST_PRICE"
                        from %s where "ID" = ? order by "LINE_ITEM_ID"
                        """.formatted(quoted(table)))) {
            statement.setString(1, orderId.toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getObject(8, LocalDateTime.class),
                            rs.getObject(9, LocalDate.class),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getString(12),
                            plain(rs.getBigDecimal(13)),
                            plain(rs.getBigDecimal(14))));
                }
            }
        }
        return rows;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
