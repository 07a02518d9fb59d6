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
 * Reads only the contract columns sync uses that the table has; a missing optional column reads
 * as null. Not
 * thread-safe: one per JDBC connection.
 */
final class SyncReader {

    /**
     * The columns sync applies or needs to add a line; the others (REFERENCE, WAREHOUSE, ...) are
     * Restock's own and never read back.
     */
    private static final List<ContractColumn> READ = List.of(
            ContractColumn.ID,
            ContractColumn.LINE_ITEM_ID,
            ContractColumn.STATUS,
            ContractColumn.EXTERNAL_ID,
            ContractColumn.EXPECTED_DATE,
            ContractColumn.VARIANT_ID,
            ContractColumn.SKU,
            ContractColumn.TITLE,
            ContractColumn.BARCODE,
            ContractColumn.REPLENISHMENT,
            ContractColumn.RECEIVED,
            ContractColumn.RECEIVED_DATE,
            ContractColumn.COST_PRICE,
            ContractColumn.REMOVED);

    private final java.sql.Connection jdbc;
    private final Connection connection;
    private final String table;
    private final Map<ContractColumn, String> columns;
    /** The columns a read selects: those of {@link #READ} the table has. */
    private final List<ContractColumn> read;
    /** Each contract column's place in a read's result (from 1), by ordinal; 0 when not read. */
    private final int[] index = new int[ContractColumn.values().length];

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
        this.read = READ.stream().filter(columns::containsKey).toList();
        for (int i = 0; i < read.size(); i++) {
            index[read.get(i).ordinal()] = i + 1;
        }
    }

    String table() {
        return table;
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
                    List<DownstreamRow> ofOrder = rows.get(rs.getString(index[ContractColumn.ID.ordinal()]));
                    if (ofOrder != null) {
                        ofOrder.add(row(rs));
                    }
                }
            }
        }
        return rows.entrySet().stream()
                .map(entry -> new DownstreamOrder(UUID.fromString(entry.getKey()), entry.getValue()))
                .toList();
    }

    private DownstreamRow row(ResultSet rs) throws SQLException {
        return new DownstreamRow(
                text(rs, ContractColumn.LINE_ITEM_ID),
                text(rs, ContractColumn.STATUS),
                text(rs, ContractColumn.EXTERNAL_ID),
                date(rs, ContractColumn.EXPECTED_DATE),
                text(rs, ContractColumn.VARIANT_ID),
                text(rs, ContractColumn.SKU),
                text(rs, ContractColumn.TITLE),
                text(rs, ContractColumn.BARCODE),
                decimal(rs, ContractColumn.REPLENISHMENT),
                decimal(rs, ContractColumn.RECEIVED),
                date(rs, ContractColumn.RECEIVED_DATE),
                decimal(rs, ContractColumn.COST_PRICE),
                bool(rs, ContractColumn.REMOVED));
    }

    private String text(ResultSet rs, ContractColumn column) throws SQLException {
        int at = index[column.ordinal()];
        return at == 0 ? null : rs.getString(at);
    }

    private BigDecimal decimal(ResultSet rs, ContractColumn column) throws SQLException {
        int at = index[column.ordinal()];
        return at == 0 ? null : rs.getBigDecimal(at);
    }

    /** Dates as the calendar date stored: getDate would shift by the JVM's zone in some drivers. */
    private LocalDate date(ResultSet rs, ContractColumn column) throws SQLException {
        int at = index[column.ordinal()];
        return at == 0 ? null : connection.dialect().readDate(rs, at);
    }

    private Boolean bool(ResultSet rs, ContractColumn column) throws SQLException {
        int at = index[column.ordinal()];
        if (at == 0) {
            return null;
        }
        boolean value = rs.getBoolean(at);
        return rs.wasNull() ? null : value;
    }
}
