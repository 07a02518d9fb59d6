package dev.restock.connections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB, the local connection. Its JDBC driver binds prepared statements slowly (a 1,000-row
 * batch takes seconds), so a push appends the rows with DuckDB's Appender to a temporary table
 * and copies them into the target table with one INSERT ... SELECT, all inside the push's
 * transaction: a rollback removes them like any other insert.
 */
final class DuckDbDialect extends JavaTimeDialect {

    private static final String STAGE = "restock_push_rows";

    @Override
    public String typeName(ContractColumn.Type type) {
        return switch (type) {
            case TEXT -> "VARCHAR";
            case CURRENCY -> "VARCHAR(3)";
            case TIMESTAMP -> "TIMESTAMP";
            case DATE -> "DATE";
            case DECIMAL -> "DECIMAL(38, 6)";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    @Override
    public boolean hasPrivileges() {
        return false;
    }

    /** Binding 500 ids costs DuckDB's driver more than parsing them as literals. */
    @Override
    public boolean inlinesIds() {
        return true;
    }

    @Override
    public boolean bulkInsert(
            java.sql.Connection jdbc,
            String table,
            List<String> names,
            List<ContractColumn> written,
            List<Map<ContractColumn, Object>> rows)
            throws SQLException {
        String stageColumns = IntStream.range(0, written.size())
                .mapToObj(i -> "c" + i + " " + typeName(written.get(i).type()))
                .collect(Collectors.joining(", "));
        try (Statement statement = jdbc.createStatement()) {
            statement.execute("create or replace temp table " + STAGE + " (" + stageColumns + ")");
        }
        try (DuckDBAppender appender = jdbc.unwrap(DuckDBConnection.class).createAppender("temp", "main", STAGE)) {
            for (Map<ContractColumn, Object> row : rows) {
                appender.beginRow();
                for (ContractColumn column : written) {
                    append(appender, column.type(), row.get(column));
                }
                appender.endRow();
            }
        }
        try (Statement statement = jdbc.createStatement()) {
            statement.executeUpdate("insert into " + quoteTable(table) + " ("
                    + names.stream().map(this::quote).collect(Collectors.joining(", ")) + ") select "
                    + IntStream.range(0, written.size()).mapToObj(i -> "c" + i).collect(Collectors.joining(", "))
                    + " from " + STAGE);
            statement.execute("drop table " + STAGE);
        }
        return true;
    }

    private static void append(DuckDBAppender appender, ContractColumn.Type type, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (type) {
            case TEXT, CURRENCY -> appender.append((String) value);
            // The Appender wants the column's scale; Restock refuses more than 6 places.
            case DECIMAL -> appender.append(((BigDecimal) value).setScale(6, RoundingMode.UNNECESSARY));
            case BOOLEAN -> appender.append((Boolean) value);
            case DATE -> appender.append((LocalDate) value);
            case TIMESTAMP -> appender.append(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
        }
    }
}
