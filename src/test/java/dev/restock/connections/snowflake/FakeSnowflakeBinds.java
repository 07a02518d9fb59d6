package dev.restock.connections.snowflake;

import dev.restock.connections.snowflake.FakeSnowflake.Bind;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns the driver's bind values into DuckDB parameters.
 *
 * <p>The driver sends every value as a string, tagged with a Snowflake type, in a map keyed by
 * position ("1", "2", ...). A value that is a JSON array is an array bind: one element per batch
 * row, all rows in one request. The string forms, as the 3.24.2 driver writes them:
 *
 * <ul>
 *   <li>FIXED, REAL, TEXT: the number or text as written by {@code String.valueOf}.
 *   <li>BOOLEAN: {@code "true"} or {@code "false"}.
 *   <li>DATE: milliseconds since the epoch of midnight UTC of the date. {@code setDate} adds the
 *       JVM's offset to the {@code java.sql.Date} first, so the local date survives.
 *   <li>TIME: nanoseconds since midnight.
 *   <li>TIMESTAMP_LTZ, TIMESTAMP_NTZ: nanoseconds since the epoch of the {@code Timestamp}'s
 *       instant, with no time zone arithmetic. {@code setTimestamp} tags it with the session's
 *       CLIENT_TIMESTAMP_TYPE_MAPPING, TIMESTAMP_LTZ unless changed.
 *   <li>TIMESTAMP_TZ: the nanoseconds, a space, and the offset in minutes plus 1440.
 *   <li>ANY: a null from {@code setNull}.
 * </ul>
 */
final class FakeSnowflakeBinds {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private FakeSnowflakeBinds() {}

    /** Reads the {@code bindings} object of a statement request, in parameter order. */
    static List<Bind> parse(JsonNode bindings) {
        if (bindings == null || !bindings.isObject()) {
            return List.of();
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(bindings.properties());
        entries.sort(Comparator.comparingInt(entry -> Integer.parseInt(entry.getKey())));

        List<Bind> binds = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : entries) {
            JsonNode value = entry.getValue().path("value");
            String type = entry.getValue().path("type").asString();
            if (value.isArray()) {
                List<String> values = new ArrayList<>();
                value.values().forEach(element -> values.add(textOrNull(element)));
                binds.add(new Bind(type, values, true));
            } else {
                binds.add(new Bind(type, Collections.singletonList(textOrNull(value)), false));
            }
        }
        return List.copyOf(binds);
    }

    /** How many rows the binds describe: the array length for an array bind, else one. */
    static int rowCount(List<Bind> binds) {
        return binds.stream().mapToInt(bind -> bind.values().size()).max().orElse(1);
    }

    /** Sets the parameters of {@code statement} to the values of one row of the binds. */
    static void bindRow(PreparedStatement statement, List<Bind> binds, int row, ZoneId sessionZone)
            throws SQLException {
        for (int i = 0; i < binds.size(); i++) {
            Bind bind = binds.get(i);
            statement.setObject(i + 1, toDuckDb(bind.type(), bind.values().get(row), sessionZone));
        }
    }

    /**
     * The Java value DuckDB should receive for one bind value.
     *
     * <p>Timestamps follow Snowflake's rules for storing into a TIMESTAMP_NTZ column, which is what
     * the connection contract uses: an NTZ bind is the UTC wall clock of the instant, and an LTZ
     * bind is the wall clock of the instant in the session's TIMEZONE. With TIMEZONE=UTC both give
     * the same column value; the difference shows when a session runs in another zone.
     */
    static Object toDuckDb(String type, String value, ZoneId sessionZone) {
        if (value == null) {
            return null;
        }
        return switch (type.toUpperCase()) {
            case "FIXED" -> new BigDecimal(value);
            case "REAL" -> Double.valueOf(value);
            case "BOOLEAN" -> value.equalsIgnoreCase("true") || value.equals("1");
            case "DATE" -> LocalDate.ofEpochDay(Math.floorDiv(Long.parseLong(value), MILLIS_PER_DAY));
            case "TIME" -> LocalTime.ofNanoOfDay(Long.parseLong(value));
            case "TIMESTAMP_NTZ" -> LocalDateTime.ofInstant(instant(value), ZoneOffset.UTC);
            case "TIMESTAMP_LTZ" -> LocalDateTime.ofInstant(instant(value), sessionZone);
            case "TIMESTAMP_TZ" -> timestampWithOffset(value);
            case "BINARY" -> HexFormat.of().parseHex(value);
            default -> value;
        };
    }

    /** A TIMESTAMP_TZ keeps its own offset; stored in an NTZ column it keeps its wall clock. */
    private static LocalDateTime timestampWithOffset(String value) {
        String[] parts = value.split(" ");
        int offsetMinutes = Integer.parseInt(parts[1]) - 1440;
        return LocalDateTime.ofInstant(instant(parts[0]), ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }

    // Parsed as a decimal because the driver builds the value with BigDecimal arithmetic.
    private static Instant instant(String epochNanos) {
        long nanos = new BigDecimal(epochNanos).longValueExact();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
