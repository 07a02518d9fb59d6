package dev.restock.connections;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Dialects whose JDBC driver binds java.time values as they are, without zone arithmetic
 * (DuckDB, pgjdbc): a UTC instant goes in as its UTC wall clock. They differ in type names only.
 */
abstract class JavaTimeDialect implements SqlDialect {

    /** Bind parameters per multi-row INSERT: well below PostgreSQL's limit of 65,535. */
    static final int BINDS_PER_INSERT = 20_000;

    /** DuckDB and pgjdbc run a JDBC batch one row at a time: multi-row VALUES instead. */
    @Override
    public int rowsPerInsert(int columns) {
        return Math.max(1, BINDS_PER_INSERT / columns);
    }

    @Override
    public void bindTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    @Override
    public void bindDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, value);
        }
    }
}
