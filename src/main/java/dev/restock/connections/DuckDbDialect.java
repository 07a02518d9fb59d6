package dev.restock.connections;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** DuckDB, the local connection: java.time values bind as they are. */
final class DuckDbDialect implements SqlDialect {

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
