package dev.restock.connections;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How Restock writes SQL for one kind of connection: names of the contract's types, quoting,
 * DDL, and binding of values whose JDBC binding differs between drivers.
 *
 * <p>Identifiers are always quoted: customer tables may use reserved words (ORDER, GROUP) or
 * lower-case names, and quoting is the one form every dialect reads the same way. Timestamps are
 * bound as the UTC wall clock, never through {@code setTimestamp}, which some drivers shift by
 * the JVM's time zone.
 */
public interface SqlDialect {

    /** The SQL type of a contract column in this dialect. */
    String typeName(ContractColumn.Type type);

    /** Binds a UTC instant for a timestamp-without-zone column. */
    void bindTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException;

    /** Binds a calendar date without any time zone arithmetic. */
    void bindDate(PreparedStatement statement, int index, LocalDate value) throws SQLException;

    /** Reads a DATE column as the calendar date stored, without any time zone arithmetic. */
    default LocalDate readDate(java.sql.ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, LocalDate.class);
    }

    /** Reads a timestamp-without-zone column as the UTC instant it holds. */
    default Instant readTimestamp(java.sql.ResultSet rs, int index) throws SQLException {
        java.time.LocalDateTime value = rs.getObject(index, java.time.LocalDateTime.class);
        return value == null ? null : value.toInstant(java.time.ZoneOffset.UTC);
    }

    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Quotes a table name, each part of a qualified name ({@code SCHEMA.TABLE}) on its own. */
    default String quoteTable(String table) {
        return Arrays.stream(table.split("\\.")).map(this::quote).collect(Collectors.joining("."));
    }

    /** The DDL of a table with every column of the contract. */
    default String createTable(String table) {
        String columns = Arrays.stream(ContractColumn.values())
                .map(column -> "    " + columnDefinition(column))
                .collect(Collectors.joining(",\n"));
        return "create table if not exists " + quoteTable(table) + " (\n" + columns + "\n)";
    }

    /** The DDL that adds one missing contract column to an existing table. */
    default String addColumn(String table, ContractColumn column) {
        return "alter table " + quoteTable(table) + " add column " + columnDefinition(column);
    }

    private String columnDefinition(ContractColumn column) {
        String notNull = column == ContractColumn.ID || column == ContractColumn.LINE_ITEM_ID ? " not null" : "";
        return quote(column.name()) + " " + typeName(column.type()) + notNull;
    }

    /** An INSERT of one row into the given columns, named as the table spells them. */
    default String insert(String table, List<String> columns) {
        return "insert into " + quoteTable(table) + " ("
                + columns.stream().map(this::quote).collect(Collectors.joining(", ")) + ") values ("
                + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Inserts the rows the database's own bulk way, inside the open transaction, if the dialect
     * has one; returns false to have them inserted with INSERT statements.
     *
     * @param names the table's names of the {@code written} columns
     */
    default boolean bulkInsert(
            java.sql.Connection jdbc,
            String table,
            List<String> names,
            List<ContractColumn> written,
            List<java.util.Map<ContractColumn, Object>> rows)
            throws SQLException {
        return false;
    }

    /**
     * How many rows one INSERT statement carries. 1 sends a JDBC batch of one-row INSERTs (the
     * Snowflake driver turns it into one array bind); more builds multi-row {@code VALUES}, one
     * round trip and one plan for many rows where the driver would run a batch row by row.
     */
    default int rowsPerInsert(int columns) {
        return 1;
    }

    /** An INSERT of {@code rows} rows into the given columns, named as the table spells them. */
    default String insertRows(String table, List<String> columns, int rows) {
        String row = columns.stream().map(column -> "?").collect(Collectors.joining(", ", "(", ")"));
        return "insert into " + quoteTable(table) + " ("
                + columns.stream().map(this::quote).collect(Collectors.joining(", ")) + ") values "
                + String.join(", ", java.util.Collections.nCopies(rows, row));
    }

    default String deleteOrder(String table, String idColumn) {
        return "delete from " + quoteTable(table) + " where " + quote(idColumn) + " = ?";
    }

    default String countOrder(String table, String idColumn) {
        return "select count(*) from " + quoteTable(table) + " where " + quote(idColumn) + " = ?";
    }

    /** A SELECT of the given columns for the rows of {@code count} order ids, one bind each. */
    default String selectOrders(String table, List<String> columns, String idColumn, int count) {
        return "select " + columns.stream().map(this::quote).collect(Collectors.joining(", ")) + " from "
                + quoteTable(table) + " where " + quote(idColumn) + " in ("
                + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")";
    }

    /**
     * A SELECT of the given columns for the rows of the given order ids, written into the SQL as
     * literals: they are UUIDs Restock made (hex digits and dashes only), so nothing needs quoting.
     * For drivers that bind slowly.
     */
    default String selectOrders(String table, List<String> columns, String idColumn, List<java.util.UUID> ids) {
        return "select " + columns.stream().map(this::quote).collect(Collectors.joining(", ")) + " from "
                + quoteTable(table) + " where " + quote(idColumn) + " in ("
                + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Whether the database grants privileges to roles. DuckDB has none: whoever opens the file
     * may do anything, so probing what a role may do tells nothing there.
     */
    default boolean hasPrivileges() {
        return true;
    }

    /** Whether {@link SyncReader} writes order ids into its SELECT as literals instead of binding them. */
    default boolean inlinesIds() {
        return false;
    }

    /** A query that returns no rows but describes every column of the table. */
    default String describe(String table) {
        return "select * from " + quoteTable(table) + " where 1 = 0";
    }

    /**
     * Binds one value of a contract column. Nulls are bound through the same typed setter as
     * values, so every row of a batch has the same bind types (the Snowflake driver sends a batch
     * as one array bind only then).
     */
    default void bind(PreparedStatement statement, int index, ContractColumn.Type type, Object value)
            throws SQLException {
        switch (type) {
            case TEXT, CURRENCY -> statement.setString(index, (String) value);
            case DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
            case BOOLEAN -> {
                if (value == null) {
                    statement.setNull(index, Types.BOOLEAN);
                } else {
                    statement.setBoolean(index, (Boolean) value);
                }
            }
            case DATE -> bindDate(statement, index, (LocalDate) value);
            case TIMESTAMP -> bindTimestamp(statement, index, (Instant) value);
        }
    }
}
