package dev.restock.connections;

import dev.restock.orders.DownstreamOrder;
import dev.restock.orders.DownstreamRow;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the rows of saved orders back from one table of a connection, a batch of ids per query.
 * Reads only the contract columns the table has; a missing optional column reads as null. Not
 * thread-safe: one per JDBC connection.
 */
final class SyncReader {

    private final java.sql.Connection jdbc;
    private final Connection connection;
    private final String table;
    private final Map<ContractColumn, String> columns;

    SyncReader(java.sql.Connection jdbc, Connection connection, String table) throws SQLException {
        this.jdbc = jdbc;
        this.connection = connection;
        this.table = table;
        this.columns = PushWriter.columnsPresent(jdbc, connection, table);
        for (ContractColumn needed : List.of(ContractColumn.ID, ContractColumn.LINE_ITEM_ID)) {
            if (!columns.containsKey(needed)) {
                throw new ConnectionException("Table " + table + " of connection '" + connection.name()
                        + "' has no column " + needed + ", so Restock cannot sync its orders. Nothing was"
                        + " changed. Run `restock connections test " + connection.name() + "` to see the fix.");
            }
        }
    }

    /** Whether the table has an UPDATED_AT column to keep a cursor on. */
    boolean hasUpdatedAt() {
        return columns.containsKey(ContractColumn.UPDATED_AT);
    }

    /** The largest UPDATED_AT in the table, or null if it has no rows with one. */
    java.time.Instant maxUpdatedAt() throws SQLException {
        SqlDialect dialect = connection.dialect();
        String sql = "select max(" + dialect.quote(columns.get(ContractColumn.UPDATED_AT)) + ") from "
                + dialect.quoteTable(table);
        try (PreparedStatement select = jdbc.prepareStatement(sql);
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return dialect.readTimestamp(rs, 1);
        }
    }

    /** The ids of orders with a row whose UPDATED_AT is at or after {@code since}. */
    java.util.Set<String> idsChangedSince(java.time.Instant since) throws SQLException {
        SqlDialect dialect = connection.dialect();
        String sql = "select distinct " + dialect.quote(columns.get(ContractColumn.ID)) + " from "
                + dialect.quoteTable(table) + " where " + dialect.quote(columns.get(ContractColumn.UPDATED_AT))
                + " >= ?";
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (PreparedStatement select = jdbc.prepareStatement(sql)) {
            dialect.bindTimestamp(select, 1, since);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** The rows of each id, in the order given; an id without rows gets an empty list. */
    List<DownstreamOrder> read(List<UUID> orderIds) throws SQLException {
        Map<String, List<DownstreamRow>> rows = new LinkedHashMap<>();
        orderIds.forEach(id -> rows.put(id.toString(), new ArrayList<>()));
        List<ContractColumn> read = List.copyOf(columns.keySet());
        SqlDialect dialect = connection.dialect();
        List<String> names = read.stream().map(columns::get).toList();
        String idColumn = columns.get(ContractColumn.ID);
        boolean inline = dialect.inlinesIds();
        String sql = inline
                ? dialect.selectOrders(table, names, idColumn, orderIds)
                : dialect.selectOrders(table, names, idColumn, orderIds.size());
        try (PreparedStatement select = jdbc.prepareStatement(sql)) {
            for (int i = 0; !inline && i < orderIds.size(); i++) {
                select.setString(i + 1, orderIds.get(i).toString());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    List<DownstreamRow> ofOrder = rows.get(rs.getString(index(read, ContractColumn.ID)));
                    if (ofOrder != null) {
                        ofOrder.add(row(rs, read));
                    }
                }
            }
        }
        return rows.entrySet().stream()
                .map(entry -> new DownstreamOrder(UUID.fromString(entry.getKey()), entry.getValue()))
                .toList();
    }

    private DownstreamRow row(ResultSet rs, List<ContractColumn> read) throws SQLException {
        return new DownstreamRow(
                text(rs, read, ContractColumn.LINE_ITEM_ID),
                text(rs, read, ContractColumn.STATUS),
                text(rs, read, ContractColumn.EXTERNAL_ID),
                date(rs, read, ContractColumn.EXPECTED_DATE),
                text(rs, read, ContractColumn.VARIANT_ID),
                text(rs, read, ContractColumn.SKU),
                text(rs, read, ContractColumn.TITLE),
                text(rs, read, ContractColumn.BARCODE),
                decimal(rs, read, ContractColumn.REPLENISHMENT),
                decimal(rs, read, ContractColumn.RECEIVED),
                date(rs, read, ContractColumn.RECEIVED_DATE),
                decimal(rs, read, ContractColumn.COST_PRICE),
                bool(rs, read, ContractColumn.REMOVED));
    }

    private static int index(List<ContractColumn> read, ContractColumn column) {
        return read.indexOf(column) + 1;
    }

    private static String text(ResultSet rs, List<ContractColumn> read, ContractColumn column) throws SQLException {
        return read.contains(column) ? rs.getString(index(read, column)) : null;
    }

    private static BigDecimal decimal(ResultSet rs, List<ContractColumn> read, ContractColumn column)
            throws SQLException {
        return read.contains(column) ? rs.getBigDecimal(index(read, column)) : null;
    }

    /** Dates as the calendar date stored: getDate would shift by the JVM's zone in some drivers. */
    private LocalDate date(ResultSet rs, List<ContractColumn> read, ContractColumn column) throws SQLException {
        return read.contains(column) ? connection.dialect().readDate(rs, index(read, column)) : null;
    }

    private static Boolean bool(ResultSet rs, List<ContractColumn> read, ContractColumn column) throws SQLException {
        if (!read.contains(column)) {
            return null;
        }
        boolean value = rs.getBoolean(index(read, column));
        return rs.wasNull() ? null : value;
    }
}
