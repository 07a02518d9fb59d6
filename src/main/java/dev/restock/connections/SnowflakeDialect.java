package dev.restock.connections;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Snowflake. The driver's {@code setTimestamp} binds TIMESTAMP_LTZ computed from the JVM's time
 * zone and {@code setDate} shifts by the JVM's offset, so timestamps and dates go as UTC text that
 * Snowflake casts into the TIMESTAMP_NTZ and DATE columns; the session runs in UTC as well.
 */
final class SnowflakeDialect implements SqlDialect {

    private static final DateTimeFormatter UTC_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    /**
     * Session parameters Restock relies on: casts of timestamp text in UTC, JSON results (Arrow
     * results need {@code --add-opens} flags on Java 17+), and a tag to find Restock's queries.
     */
    static final Map<String, String> SESSION_PARAMETERS =
            Map.of("TIMEZONE", "UTC", "JDBC_QUERY_RESULT_FORMAT", "JSON", "QUERY_TAG", "restock");

    @Override
    public String typeName(ContractColumn.Type type) {
        return switch (type) {
            case TEXT -> "VARCHAR";
            case CURRENCY -> "VARCHAR(3)";
            case TIMESTAMP -> "TIMESTAMP_NTZ";
            case DATE -> "DATE";
            case DECIMAL -> "NUMBER(38,6)";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    @Override
    public void bindTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setString(index, value == null ? null : UTC_TIMESTAMP.format(value));
    }

    /**
     * The driver refuses {@code getObject(LocalDate)} and its {@code getDate} shifts by the JVM's
     * zone; the text of a DATE is the stored date (default DATE_OUTPUT_FORMAT, YYYY-MM-DD).
     */
    @Override
    public LocalDate readDate(java.sql.ResultSet rs, int index) throws SQLException {
        String text = rs.getString(index);
        return text == null ? null : LocalDate.parse(text.substring(0, Math.min(10, text.length())));
    }

    /** As text, like dates: its {@code getTimestamp} shifts by the JVM's zone. */
    @Override
    public Instant readTimestamp(java.sql.ResultSet rs, int index) throws SQLException {
        String text = rs.getString(index);
        if (text == null) {
            return null;
        }
        String iso = text.strip().replace(' ', 'T');
        return java.time.LocalDateTime.parse(iso.length() == 16 ? iso + ":00" : iso)
                .toInstant(ZoneOffset.UTC);
    }

    @Override
    public void bindDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
        statement.setString(index, value == null ? null : value.toString());
    }
}
