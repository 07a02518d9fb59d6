package dev.restock.connections.snowflake;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error as Snowflake reports it: a numeric code, an SQLSTATE and a message.
 *
 * <p>The driver reads errors in two shapes, and which one we send decides the error code the
 * caller sees. With {@code data.sqlState} present it takes the code from {@code data.errorCode}
 * (not from the top-level {@code code}); without it, it takes the top-level {@code code} and
 * reports SQLSTATE XX000. Statement errors use the first shape; session errors such as 390112
 * use the second, as the real service does, because the driver's token renewal looks for that
 * code on the top level.
 */
record FakeSnowflakeError(int code, String sqlState, String message) {

    static final FakeSnowflakeError STATEMENT_TIMEOUT = new FakeSnowflakeError(
            630, "57014", "Statement reached its statement or warehouse timeout of 3,600 second(s) and was canceled.");

    static final FakeSnowflakeError SESSION_TOKEN_EXPIRED =
            new FakeSnowflakeError(390112, null, "Your session has expired. Please login again.");

    static final FakeSnowflakeError SESSION_GONE = new FakeSnowflakeError(
            390111, null, "Session no longer exists.  New login required to access the service.");

    static final FakeSnowflakeError MASTER_TOKEN_EXPIRED = new FakeSnowflakeError(
            390114, null, "Authentication token has expired.  The user must authenticate again.");

    static final FakeSnowflakeError INCORRECT_PASSWORD =
            new FakeSnowflakeError(390100, null, "Incorrect username or password was specified.");

    private static final Pattern MISSING_OBJECT = Pattern.compile("with name \"?([^\"\\s!]+)\"? does not exist");
    private static final Pattern EXISTING_OBJECT = Pattern.compile("with name \"?([^\"\\s!]+)\"? already exists");
    private static final Pattern MISSING_COLUMN = Pattern.compile("column \"?([^\"\\s]+)\"? not found");

    /**
     * Translates a DuckDB error into the Snowflake error a connector would meet for the same
     * mistake, so that code under test sees realistic codes (002003 for a missing table, 000904
     * for a missing column). DuckDB's own first line is kept at the end to make failures in the
     * fake itself easy to read.
     */
    static FakeSnowflakeError fromDuckDb(SQLException exception) {
        String duckMessage = String.valueOf(exception.getMessage());
        String firstLine = duckMessage.lines().findFirst().orElse("").strip();
        String detail = " [DuckDB: " + firstLine + "]";

        if (duckMessage.startsWith("Catalog Error") && duckMessage.contains("does not exist")) {
            String name = group(MISSING_OBJECT, duckMessage);
            return new FakeSnowflakeError(
                    2003,
                    "42S02",
                    "SQL compilation error:\nObject '" + name + "' does not exist or not authorized." + detail);
        }
        if (duckMessage.startsWith("Catalog Error") && duckMessage.contains("already exists")) {
            String name = group(EXISTING_OBJECT, duckMessage);
            return new FakeSnowflakeError(
                    2002, "42710", "SQL compilation error:\nObject '" + name + "' already exists." + detail);
        }
        if (duckMessage.startsWith("Binder Error")) {
            String name = group(MISSING_COLUMN, duckMessage);
            return new FakeSnowflakeError(
                    904, "42000", "SQL compilation error:\ninvalid identifier '" + name + "'" + detail);
        }
        if (duckMessage.startsWith("Parser Error")) {
            return new FakeSnowflakeError(1003, "42000", "SQL compilation error:\nsyntax error" + detail);
        }
        if (duckMessage.startsWith("Constraint Error") && duckMessage.contains("NOT NULL")) {
            return new FakeSnowflakeError(100072, "22000", "NULL result in a non-nullable column" + detail);
        }
        if (duckMessage.startsWith("Conversion Error") || duckMessage.startsWith("Invalid Input Error")) {
            return new FakeSnowflakeError(100038, "22018", "Value is not recognized" + detail);
        }
        return new FakeSnowflakeError(603, "XX000", "SQL execution internal error" + detail);
    }

    /** The body of a {@code success: false} answer. */
    ObjectNode toJson(String queryId) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("success", false);
        root.put("code", paddedCode());
        root.put("message", message);
        if (sqlState == null) {
            root.putNull("data");
        } else {
            ObjectNode data = root.putObject("data");
            data.put("errorCode", paddedCode());
            data.put("sqlState", sqlState);
            data.put("queryId", queryId);
        }
        return root;
    }

    /** Snowflake writes codes as six digits: 2003 travels as "002003". */
    String paddedCode() {
        return String.format("%06d", code);
    }

    FakeSnowflakeException asException() {
        return new FakeSnowflakeException(this);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1).toUpperCase() : "?";
    }

    /** Carries an error from deep inside statement execution up to the HTTP answer. */
    static final class FakeSnowflakeException extends RuntimeException {
        private final FakeSnowflakeError error;

        FakeSnowflakeException(FakeSnowflakeError error) {
            super(error.message());
            this.error = error;
        }

        FakeSnowflakeError error() {
            return error;
        }
    }
}
