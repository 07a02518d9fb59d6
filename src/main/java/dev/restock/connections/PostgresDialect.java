package dev.restock.connections;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL. A push sends its rows with {@code COPY ... FROM STDIN} in CSV inside the push's
 * transaction: one statement and no binds, where multi-row INSERTs cost a plan and 20,000 binds
 * per 950 rows. A rollback removes copied rows like inserted ones.
 */
final class PostgresDialect extends JavaTimeDialect {

    /** Bytes sent to the server per CopyData message. */
    private static final int CHUNK = 64 * 1024;

    @Override
    public String typeName(ContractColumn.Type type) {
        return switch (type) {
            case TEXT -> "varchar";
            case CURRENCY -> "varchar(3)";
            case TIMESTAMP -> "timestamp";
            case DATE -> "date";
            case DECIMAL -> "numeric(38, 6)";
            case BOOLEAN -> "boolean";
        };
    }

    @Override
    public boolean bulkInsert(
            java.sql.Connection jdbc,
            String table,
            List<String> names,
            List<ContractColumn> written,
            List<Map<ContractColumn, Object>> rows)
            throws SQLException {
        PGConnection postgres;
        try {
            postgres = jdbc.unwrap(PGConnection.class);
        } catch (SQLException notPgjdbc) {
            return false;
        }
        String sql = "copy " + quoteTable(table) + " ("
                + names.stream().map(this::quote).collect(Collectors.joining(", "))
                + ") from stdin (format csv)";
        CopyIn copy = postgres.getCopyAPI().copyIn(sql);
        try {
            StringBuilder text = new StringBuilder(CHUNK + 4096);
            for (Map<ContractColumn, Object> row : rows) {
                for (int i = 0; i < written.size(); i++) {
                    if (i > 0) {
                        text.append(',');
                    }
                    appendCsv(text, written.get(i).type(), row.get(written.get(i)));
                }
                text.append('\n');
                if (text.length() >= CHUNK) {
                    send(copy, text);
                }
            }
            send(copy, text);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        return true;
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** One CSV field: nothing for null, text always quoted (so an empty text stays empty, not null). */
    private static void appendCsv(StringBuilder text, ContractColumn.Type type, Object value) {
        if (value == null) {
            return;
        }
        switch (type) {
            case TEXT, CURRENCY -> {
                String string = (String) value;
                text.append('"');
                for (int i = 0; i < string.length(); i++) {
                    char c = string.charAt(i);
                    if (c == '"') {
                        text.append('"');
                    }
                    text.append(c);
                }
                text.append('"');
            }
            case DECIMAL -> text.append(((BigDecimal) value).toPlainString());
            case BOOLEAN -> text.append((Boolean) value ? "true" : "false");
            case DATE -> text.append(value);
            case TIMESTAMP -> text.append(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
        }
    }
}
