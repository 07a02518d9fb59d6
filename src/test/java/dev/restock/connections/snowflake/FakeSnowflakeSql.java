package dev.restock.connections.snowflake;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little SQL knowledge the fake needs: what kind of statement the driver sent, and how to
 * turn Snowflake type names into DuckDB ones. Everything else is DuckDB's own dialect, which is
 * close enough to Snowflake's for the INSERT, DELETE and SELECT statements a connector sends.
 */
final class FakeSnowflakeSql {

    /**
     * Statement kinds with the {@code statementTypeId} Snowflake answers for them. The driver
     * decides from this id whether a statement returns a result set, whether its rowset holds
     * affected-row counts (only for INSERT, UPDATE, DELETE, MERGE), and, during a batch, whether
     * it may send all rows at once.
     */
    enum Kind {
        SELECT(0x1000),
        INSERT(0x3100),
        UPDATE(0x3200),
        DELETE(0x3300),
        MERGE(0x3400),
        ALTER_SESSION(0x4100),
        USE(0x4300),
        TRANSACTION(0x5000),
        DDL(0x6000);

        final long statementTypeId;

        Kind(long statementTypeId) {
            this.statementTypeId = statementTypeId;
        }

        boolean isDml() {
            return this == INSERT || this == UPDATE || this == DELETE || this == MERGE;
        }
    }

    /** Type names that DuckDB does not know, with the DuckDB type that stores the same values. */
    private static final Pattern SNOWFLAKE_TYPE =
            Pattern.compile("(?i)\\b(NUMBER|TIMESTAMP_NTZ|TIMESTAMP_LTZ|TIMESTAMP_TZ|BYTEINT)\\b"
                    + "(\\s*\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)?\\))?");

    private FakeSnowflakeSql() {}

    // Drops comments. The driver writes one into the statement it sends for setAutoCommit:
    // "alter session /* JDBC:SnowflakeConnectionV1.setAutoCommit*/ set autocommit=false".
    static String withoutComments(String sql) {
        StringBuilder kept = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closingQuote(sql, i);
                kept.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                kept.append(' ');
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else {
                kept.append(c);
                i++;
            }
        }
        return kept.toString().strip();
    }

    /** The kind of a statement without comments, judged by its first words. */
    static Kind classify(String sql) {
        String words = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        if (words.startsWith("select")
                || words.startsWith("with")
                || words.startsWith("show")
                || words.startsWith("describe")
                || words.startsWith("desc ")
                || words.startsWith("values")) {
            return Kind.SELECT;
        }
        if (words.startsWith("insert")) {
            return Kind.INSERT;
        }
        if (words.startsWith("update")) {
            return Kind.UPDATE;
        }
        if (words.startsWith("delete")) {
            return Kind.DELETE;
        }
        if (words.startsWith("merge")) {
            return Kind.MERGE;
        }
        if (words.startsWith("alter session")) {
            return Kind.ALTER_SESSION;
        }
        if (words.startsWith("use ")) {
            return Kind.USE;
        }
        if (words.startsWith("commit")
                || words.startsWith("rollback")
                || words.startsWith("begin")
                || words.startsWith("start transaction")) {
            return Kind.TRANSACTION;
        }
        return Kind.DDL;
    }

    /**
     * Rewrites Snowflake type names outside quotes: NUMBER(38,6) becomes DECIMAL(38,6) and
     * TIMESTAMP_NTZ becomes TIMESTAMP (DuckDB keeps microseconds, Snowflake nanoseconds; Restock
     * writes milliseconds). TIMESTAMP_LTZ and TIMESTAMP_TZ become TIMESTAMPTZ. A precision on a
     * timestamp type is dropped, because DuckDB only accepts it on TIMESTAMP itself.
     */
    static String toDuckDb(String sql) {
        StringBuilder translated = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closingQuote(sql, i);
                translated.append(sql, i, end);
                i = end;
            } else {
                int next = nextQuote(sql, i);
                translated.append(translateTypes(sql.substring(i, next)));
                i = next;
            }
        }
        return translated.toString();
    }

    private static String translateTypes(String unquoted) {
        Matcher matcher = SNOWFLAKE_TYPE.matcher(unquoted);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String precision = matcher.group(2);
            String replacement = switch (matcher.group(1).toUpperCase(Locale.ROOT)) {
                case "NUMBER" -> "DECIMAL" + (precision == null ? "(38,0)" : precision.strip());
                case "TIMESTAMP_NTZ" -> "TIMESTAMP";
                case "BYTEINT" -> "TINYINT";
                default -> "TIMESTAMPTZ";
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Index just past the quote that closes the one at {@code start}; doubled quotes escape. */
    private static int closingQuote(String sql, int start) {
        char quote = sql.charAt(start);
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int nextQuote(String sql, int from) {
        for (int i = from; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                return i;
            }
        }
        return sql.length();
    }
}
