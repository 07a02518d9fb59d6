package dev.restock.connections.snowflake;

import dev.restock.connections.snowflake.FakeSnowflake.Bind;
import dev.restock.connections.snowflake.FakeSnowflakeResults.SessionEcho;
import dev.restock.connections.snowflake.FakeSnowflakeSql.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One logged-in driver connection: its tokens, its session parameters, and its own DuckDB
 * connection, so that a transaction opened through one JDBC connection is invisible to others
 * until committed, as in Snowflake.
 *
 * <p>Thread-safe: statements of one session run one at a time.
 */
final class FakeSnowflakeSession {

    private static final String EXECUTED = "Statement executed successfully.";
    private static final Pattern ASSIGNMENT = Pattern.compile("(\\w+)\\s*=\\s*('(?:[^']|'')*'|[^\\s,]+)");

    final long id;
    final String masterToken;
    volatile String sessionToken;

    private final Connection duckdb;
    private final FakeSnowflakeParameters parameters;
    private final String database;
    private final String schema;
    private final String warehouse;
    private final String role;
    private boolean autoCommit;
    private boolean explicitTransaction;
    private boolean closed;

    FakeSnowflakeSession(
            long id,
            String sessionToken,
            String masterToken,
            Connection duckdb,
            LoginNames names,
            JsonNode clientParameters)
            throws SQLException {
        this.id = id;
        this.sessionToken = sessionToken;
        this.masterToken = masterToken;
        this.duckdb = duckdb;
        this.database = names.database();
        this.schema = names.schema();
        this.warehouse = names.warehouse();
        this.role = names.role();

        this.parameters = new FakeSnowflakeParameters(clientParameters);
        this.autoCommit = !clientParameters.path("AUTOCOMMIT").asString("true").equalsIgnoreCase("false");
        duckdb.setAutoCommit(autoCommit);
    }

    /** The names a driver asked for in its login URL; the answer must echo them back. */
    record LoginNames(String database, String schema, String warehouse, String role) {}

    /**
     * Runs one statement (or only describes it) and returns the {@code data} of the answer.
     *
     * @throws FakeSnowflakeError.FakeSnowflakeException with the Snowflake error to answer
     */
    synchronized ObjectNode execute(String sql, List<Bind> binds, boolean describeOnly, String queryId) {
        if (closed) {
            throw FakeSnowflakeError.SESSION_GONE.asException();
        }
        String statement = FakeSnowflakeSql.withoutComments(sql);
        Kind kind = FakeSnowflakeSql.classify(statement);
        try {
            if (describeOnly) {
                return describe(kind, statement, queryId);
            }
            return switch (kind) {
                case SELECT -> query(statement, binds, queryId);
                case INSERT, UPDATE, DELETE, MERGE -> modify(kind, statement, binds, queryId);
                case ALTER_SESSION -> alterSession(statement, queryId);
                case TRANSACTION -> endOrBeginTransaction(statement, queryId);
                case USE -> FakeSnowflakeResults.status(kind, EXECUTED, queryId, echo());
                case DDL -> ddl(statement, queryId);
            };
        } catch (SQLException e) {
            throw FakeSnowflakeError.fromDuckDb(e).asException();
        }
    }

    synchronized Map<String, Object> parameters() {
        return parameters.withAutoCommit(autoCommit);
    }

    /** Ends the session; Snowflake rolls back a transaction left open. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (duckdb) {
            if (!duckdb.getAutoCommit()) {
                duckdb.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the DuckDB connection of session " + id, e);
        }
    }

    private SessionEcho echo() {
        return new SessionEcho(parameters.withAutoCommit(autoCommit), database, schema, warehouse, role);
    }

    private ObjectNode describe(Kind kind, String sql, String queryId) throws SQLException {
        if (kind != Kind.SELECT && !kind.isDml()) {
            return FakeSnowflakeResults.described(kind, null, 0, queryId, echo());
        }
        // Preparing in DuckDB checks the statement, so a missing table fails at describe time,
        // which is when Snowflake reports it for a batch too (on the first addBatch).
        try (PreparedStatement prepared = duckdb.prepareStatement(FakeSnowflakeSql.toDuckDb(sql))) {
            int binds = prepared.getParameterMetaData().getParameterCount();
            ResultSetMetaData metaData = kind == Kind.SELECT ? prepared.getMetaData() : null;
            return FakeSnowflakeResults.described(kind, metaData, binds, queryId, echo());
        }
    }

    private ObjectNode query(String sql, List<Bind> binds, String queryId) throws SQLException {
        try (PreparedStatement prepared = duckdb.prepareStatement(FakeSnowflakeSql.toDuckDb(sql))) {
            if (!binds.isEmpty()) {
                FakeSnowflakeBinds.bindRow(prepared, binds, 0, parameters.timeZone());
            }
            try (ResultSet resultSet = prepared.executeQuery()) {
                return FakeSnowflakeResults.rows(resultSet, queryId, echo());
            }
        }
    }

    /**
     * INSERT, UPDATE, DELETE or MERGE, once per row of an array bind. The rows run in a
     * transaction of their own when the session autocommits: in Snowflake an array bind is one
     * statement, so a bad row leaves none of the others behind.
     */
    private ObjectNode modify(Kind kind, String sql, List<Bind> binds, String queryId) throws SQLException {
        boolean ownTransaction = duckdb.getAutoCommit();
        if (ownTransaction) {
            duckdb.setAutoCommit(false);
        }
        try (PreparedStatement prepared = duckdb.prepareStatement(FakeSnowflakeSql.toDuckDb(sql))) {
            long affected = 0;
            int rows = FakeSnowflakeBinds.rowCount(binds);
            ZoneId zone = parameters.timeZone();
            for (int row = 0; row < rows; row++) {
                FakeSnowflakeBinds.bindRow(prepared, binds, row, zone);
                affected += prepared.executeUpdate();
            }
            if (ownTransaction) {
                duckdb.commit();
            }
            return FakeSnowflakeResults.affectedRows(kind, affected, queryId, echo());
        } catch (SQLException e) {
            if (ownTransaction) {
                duckdb.rollback();
            }
            throw e;
        } finally {
            if (ownTransaction) {
                duckdb.setAutoCommit(true);
            }
        }
    }

    /**
     * {@code alter session set NAME = value ...}. The driver sends AUTOCOMMIT this way for {@code
     * setAutoCommit}; other names (TIMEZONE, QUERY_TAG) are kept and echoed in later answers.
     */
    private ObjectNode alterSession(String sql, String queryId) throws SQLException {
        String words = sql.replaceFirst("(?is)^alter\\s+session\\s+", "");
        if (words.regionMatches(true, 0, "unset", 0, 5)) {
            for (String name : words.substring(5).strip().split("[\\s,]+")) {
                parameters.unset(name);
            }
            return FakeSnowflakeResults.status(Kind.ALTER_SESSION, EXECUTED, queryId, echo());
        }
        Matcher assignment = ASSIGNMENT.matcher(words.replaceFirst("(?i)^set\\s+", ""));
        while (assignment.find()) {
            String name = assignment.group(1).toUpperCase(Locale.ROOT);
            String value = unquote(assignment.group(2));
            if (name.equals("AUTOCOMMIT")) {
                setAutoCommit(Boolean.parseBoolean(value));
            } else {
                parameters.set(name, value);
            }
        }
        return FakeSnowflakeResults.status(Kind.ALTER_SESSION, EXECUTED, queryId, echo());
    }

    /** Snowflake commits an open transaction when AUTOCOMMIT is switched back on. */
    private void setAutoCommit(boolean autoCommit) throws SQLException {
        if (autoCommit && !duckdb.getAutoCommit()) {
            duckdb.commit();
        }
        duckdb.setAutoCommit(autoCommit);
        explicitTransaction = false;
        this.autoCommit = autoCommit;
    }

    /**
     * COMMIT, ROLLBACK, and BEGIN. A BEGIN in an autocommit session opens a transaction that the
     * next COMMIT or ROLLBACK ends, after which the session autocommits again.
     */
    private ObjectNode endOrBeginTransaction(String sql, String queryId) throws SQLException {
        String verb = sql.toLowerCase(Locale.ROOT);
        if (verb.startsWith("begin") || verb.startsWith("start")) {
            if (duckdb.getAutoCommit()) {
                duckdb.setAutoCommit(false);
                explicitTransaction = true;
            }
        } else if (!duckdb.getAutoCommit()) {
            if (verb.startsWith("commit")) {
                duckdb.commit();
            } else {
                duckdb.rollback();
            }
            endExplicitTransaction();
        }
        return FakeSnowflakeResults.status(Kind.TRANSACTION, EXECUTED, queryId, echo());
    }

    /**
     * CREATE, DROP, ALTER TABLE, TRUNCATE and the rest. In Snowflake DDL commits the open
     * transaction first and then commits itself; code that mixes DDL into a transaction loses
     * its rollback, and the fake reproduces that.
     */
    private ObjectNode ddl(String sql, String queryId) throws SQLException {
        boolean inTransaction = !duckdb.getAutoCommit();
        if (inTransaction) {
            duckdb.commit();
        }
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(FakeSnowflakeSql.toDuckDb(sql));
        }
        if (inTransaction) {
            duckdb.commit();
            endExplicitTransaction();
        }
        return FakeSnowflakeResults.status(Kind.DDL, EXECUTED, queryId, echo());
    }

    private void endExplicitTransaction() throws SQLException {
        if (explicitTransaction) {
            duckdb.setAutoCommit(true);
            explicitTransaction = false;
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value;
    }
}
