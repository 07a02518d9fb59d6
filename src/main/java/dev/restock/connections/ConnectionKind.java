package dev.restock.connections;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of system a connection reaches, each with its own {@link SqlDialect}. */
public enum ConnectionKind {
    DUCKDB(new DuckDbDialect()),
    POSTGRESQL(new PostgresDialect()),
    SNOWFLAKE(new SnowflakeDialect());

    private final SqlDialect dialect;

    ConnectionKind(SqlDialect dialect) {
        this.dialect = dialect;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a JDBC URL of this kind starts, e.g. {@code jdbc:postgresql:}; its driver takes no other. */
    public String jdbcPrefix() {
        return "jdbc:" + code() + ":";
    }

    /** True when {@code jdbcUrl} is one this kind's driver would take. */
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith(jdbcPrefix());
    }

    public static ConnectionKind fromCode(String code) {
        return Arrays.stream(values())
                .filter(kind -> kind.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new ConnectionException(
                        "Unknown connection kind '" + code + "'; use duckdb, postgresql or snowflake."));
    }
}
