package dev.restock.connections.snowflake;

import dev.restock.connections.snowflake.FakeSnowflakeSql.Kind;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes statement answers in Snowflake's JSON result format ({@code queryResultFormat: json}).
 *
 * <p>A result is {@code data.rowtype}, one entry per column with a lower-case Snowflake type, and
 * {@code data.rowset}, rows of strings or nulls. The driver parses each string according to the
 * column type, so the encodings below are what its JSON converters in 3.24.2 expect: numbers as
 * plain decimal strings, BOOLEAN as "1" or "0" (it also takes "true"), DATE as days since the
 * epoch, TIME as seconds since midnight with a fraction, TIMESTAMP_NTZ as seconds since the epoch
 * of the UTC wall clock with a fraction of {@code scale} digits, TIMESTAMP_LTZ as the same for
 * the instant (the driver renders it in the session TIMEZONE).
 */
final class FakeSnowflakeResults {

    /** What every answer repeats about the session it ran in. */
    record SessionEcho(Map<String, Object> parameters, String database, String schema, String warehouse, String role) {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");
    private static final int TIMESTAMP_SCALE = 9;
    private static final int MAX_TEXT_LENGTH = 16_777_216;

    private FakeSnowflakeResults() {}

    /** A query's rows. */
    static ObjectNode rows(ResultSet resultSet, String queryId, SessionEcho session) throws SQLException {
        ResultSetMetaData metaData = resultSet.getMetaData();
        ObjectNode data = data(Kind.SELECT, queryId, session);
        data.set("rowtype", rowtype(metaData, session));

        ArrayNode rowset = data.putArray("rowset");
        while (resultSet.next()) {
            ArrayNode row = rowset.addArray();
            for (int column = 1; column <= metaData.getColumnCount(); column++) {
                row.add(encode(resultSet, column, ColumnType.of(metaData.getColumnTypeName(column))));
            }
        }
        data.put("total", rowset.size());
        data.put("returned", rowset.size());
        return data;
    }

    /**
     * The answer to a {@code describeOnly} request. The driver sends one before the first {@code
     * addBatch}; {@code arrayBindSupported} in the answer is what lets it send the whole batch as
     * one request with column arrays. Snowflake allows that for INSERT only, so a DELETE batch
     * goes one request per row.
     */
    static ObjectNode described(
            Kind kind, ResultSetMetaData metaData, int numberOfBinds, String queryId, SessionEcho session)
            throws SQLException {
        ObjectNode data = data(kind, queryId, session);
        if (kind.isDml()) {
            data.putArray("rowtype").add(countColumn(kind, session));
        } else if (metaData != null) {
            data.set("rowtype", rowtype(metaData, session));
        }
        data.put("numberOfBinds", numberOfBinds);
        data.put("arrayBindSupported", kind == Kind.INSERT);
        return data;
    }

    /**
     * A DML answer: one row holding the affected row count, which is where the driver takes its
     * update count from. An array-bind INSERT of 1,000 rows must answer 1000, or the driver's
     * {@code executeBatch} reports one count instead of 1,000 ones.
     */
    static ObjectNode affectedRows(Kind kind, long count, String queryId, SessionEcho session) {
        ObjectNode data = data(kind, queryId, session);
        data.putArray("rowtype").add(countColumn(kind, session));
        data.putArray("rowset").addArray().add(Long.toString(count));
        data.put("total", 1);
        data.put("returned", 1);
        return data;
    }

    /** The one-row "status" answer Snowflake gives to DDL, ALTER SESSION, COMMIT and the like. */
    static ObjectNode status(Kind kind, String message, String queryId, SessionEcho session) {
        ObjectNode data = data(kind, queryId, session);
        data.putArray("rowtype").add(column("status", "text", null, null, session));
        data.putArray("rowset").addArray().add(message);
        data.put("total", 1);
        data.put("returned", 1);
        return data;
    }

    /** The envelope of every successful answer; {@code data} may be null, as for a logout. */
    static ObjectNode success(ObjectNode data) {
        ObjectNode root = JSON.objectNode();
        root.set("data", data == null ? JSON.nullNode() : data);
        root.putNull("code");
        root.putNull("message");
        root.put("success", true);
        return root;
    }

    /**
     * Session parameters as the driver reads them: a list of name and value. The driver replaces
     * its copy with every list it receives and re-reads AUTOCOMMIT from it, so each answer must
     * carry the session's current values; an answer saying AUTOCOMMIT=true in the middle of a
     * transaction would silently switch the driver back to autocommit.
     */
    static ArrayNode parameters(Map<String, Object> parameters) {
        ArrayNode list = JSON.arrayNode();
        parameters.forEach((name, value) -> {
            ObjectNode parameter = list.addObject().put("name", name);
            switch (value) {
                case Boolean flag -> parameter.put("value", flag);
                case Integer number -> parameter.put("value", number);
                default -> parameter.put("value", String.valueOf(value));
            }
        });
        return list;
    }

    private static ObjectNode data(Kind kind, String queryId, SessionEcho session) {
        ObjectNode data = JSON.objectNode();
        data.set("parameters", parameters(session.parameters()));
        data.putArray("rowtype");
        data.putArray("rowset");
        data.put("total", 0);
        data.put("returned", 0);
        data.put("queryId", queryId);
        data.put("statementTypeId", kind.statementTypeId);
        data.put("queryResultFormat", "json");
        data.put("version", 1);
        data.put("finalDatabaseName", session.database());
        data.put("finalSchemaName", session.schema());
        data.put("finalWarehouseName", session.warehouse());
        data.put("finalRoleName", session.role());
        data.put("sendResultTime", System.currentTimeMillis());
        return data;
    }

    private static ObjectNode countColumn(Kind kind, SessionEcho session) {
        String verb = switch (kind) {
            case INSERT -> "inserted";
            case DELETE -> "deleted";
            default -> "updated";
        };
        return column("number of rows " + verb, "fixed", 19, 0, session).put("nullable", false);
    }

    private static ArrayNode rowtype(ResultSetMetaData metaData, SessionEcho session) throws SQLException {
        ArrayNode rowtype = JSON.arrayNode();
        for (int column = 1; column <= metaData.getColumnCount(); column++) {
            String typeName = metaData.getColumnTypeName(column);
            ColumnType type = ColumnType.of(typeName);
            Integer precision = null;
            Integer scale = null;
            switch (type) {
                case FIXED -> {
                    Matcher decimal = DECIMAL.matcher(typeName.replace(" ", ""));
                    precision = decimal.matches() ? Integer.parseInt(decimal.group(1)) : 38;
                    scale = decimal.matches() ? Integer.parseInt(decimal.group(2)) : 0;
                }
                case TIME, TIMESTAMP_NTZ, TIMESTAMP_LTZ -> {
                    precision = 0;
                    scale = TIMESTAMP_SCALE;
                }
                default -> {}
            }
            ObjectNode entry = column(metaData.getColumnLabel(column), type.snowflakeName, precision, scale, session);
            entry.put("nullable", metaData.isNullable(column) != ResultSetMetaData.columnNoNulls);
            rowtype.add(entry);
        }
        return rowtype;
    }

    private static ObjectNode column(String name, String type, Integer precision, Integer scale, SessionEcho session) {
        ObjectNode column = JSON.objectNode();
        column.put("name", name);
        column.put("database", session.database());
        column.put("schema", session.schema());
        column.put("table", "");
        column.put("type", type);
        column.put("precision", precision);
        column.put("scale", scale);
        boolean textual = type.equals("text") || type.equals("binary");
        column.put("length", textual ? MAX_TEXT_LENGTH : null);
        column.put("byteLength", textual ? MAX_TEXT_LENGTH : null);
        column.put("nullable", true);
        column.putNull("collation");
        return column;
    }

    private static String encode(ResultSet resultSet, int column, ColumnType type) throws SQLException {
        if (resultSet.getObject(column) == null) {
            return null;
        }
        return switch (type) {
            case FIXED -> {
                Object number = resultSet.getObject(column);
                yield number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
            }
            case REAL -> Double.toString(resultSet.getDouble(column));
            case BOOLEAN -> resultSet.getBoolean(column) ? "1" : "0";
            case DATE ->
                Long.toString(resultSet.getObject(column, LocalDate.class).toEpochDay());
            case TIME ->
                secondsWithFraction(resultSet.getObject(column, LocalTime.class).toNanoOfDay());
            case TIMESTAMP_NTZ ->
                secondsWithFraction(
                        resultSet.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC));
            case TIMESTAMP_LTZ ->
                secondsWithFraction(
                        resultSet.getObject(column, OffsetDateTime.class).toInstant());
            case BINARY -> HexFormat.of().withUpperCase().formatHex(resultSet.getBytes(column));
            case TEXT -> resultSet.getString(column);
        };
    }

    /** "1700000000.123456789": seconds with nine fraction digits, negative before 1970. */
    private static String secondsWithFraction(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond());
        return seconds.add(BigDecimal.valueOf(instant.getNano(), TIMESTAMP_SCALE))
                .toPlainString();
    }

    private static String secondsWithFraction(long nanosOfDay) {
        return BigDecimal.valueOf(nanosOfDay, TIMESTAMP_SCALE).toPlainString();
    }

    /** The Snowflake column type that carries a DuckDB type, by DuckDB's type name. */
    private enum ColumnType {
        FIXED("fixed"),
        REAL("real"),
        TEXT("text"),
        BOOLEAN("boolean"),
        DATE("date"),
        TIME("time"),
        TIMESTAMP_NTZ("timestamp_ntz"),
        TIMESTAMP_LTZ("timestamp_ltz"),
        BINARY("binary");

        final String snowflakeName;

        ColumnType(String snowflakeName) {
            this.snowflakeName = snowflakeName;
        }

        static ColumnType of(String duckDbTypeName) {
            String name = duckDbTypeName.toUpperCase(Locale.ROOT);
            if (name.startsWith("DECIMAL") || name.endsWith("INT") || name.endsWith("INTEGER")) {
                return FIXED;
            }
            return switch (name) {
                case "FLOAT", "DOUBLE", "REAL" -> REAL;
                case "BOOLEAN" -> BOOLEAN;
                case "DATE" -> DATE;
                case "TIME" -> TIME;
                case "TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S" -> TIMESTAMP_NTZ;
                case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> TIMESTAMP_LTZ;
                case "BLOB" -> BINARY;
                default -> TEXT;
            };
        }
    }
}
