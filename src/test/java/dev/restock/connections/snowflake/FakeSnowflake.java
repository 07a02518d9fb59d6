package dev.restock.connections.snowflake;

import com.sun.net.httpserver.HttpServer;
import dev.restock.connections.snowflake.FakeSnowflakeFaults.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;

/**
 * A local stand-in for Snowflake that the real {@code snowflake-jdbc} driver can talk to, with
 * DuckDB underneath. Tests connect with {@link #jdbcUrl()} and {@link #connectionProperties()},
 * read what arrived through {@link #duckdb()}, and arm faults to see how code under test copes
 * with a failing statement, an expired session token or a dropped connection, or hold back the
 * answer to a statement to stop a client at a known point.
 *
 * <p>It speaks the part of the driver's HTTP protocol a connector uses: login, statements with
 * JSON results, scalar and array binds, describe, transactions, token renewal, heartbeat and
 * logout. Known differences from Snowflake: SQL runs in DuckDB's dialect (Snowflake type names
 * are translated in DDL); unquoted identifiers keep the case they were written in; timestamps
 * keep microseconds; a statement failing inside DuckDB aborts the whole open transaction,
 * where Snowflake rolls back only that statement (faults armed here do not touch DuckDB, so they
 * behave like Snowflake); and nothing waits for a lock, so a transaction left open by a client
 * that died blocks no one, where Snowflake keeps its locks (a DELETE takes one on the table)
 * until it has blocked another transaction for 5 idle minutes and aborts it.
 *
 * <p>Thread-safe. Close it to stop the server and discard an in-memory database.
 */
public final class FakeSnowflake implements AutoCloseable {

    public static final String USER = "restock";
    public static final String PASSWORD = "fake-password";
    public static final String DATABASE = "RESTOCK";
    public static final String SCHEMA = "PUBLIC";
    public static final String WAREHOUSE = "RESTOCK_WH";
    public static final String ROLE = "RESTOCK_WRITER";

    /** One statement request as the driver sent it, bind values still in the driver's strings. */
    public record ReceivedStatement(String requestId, String sql, boolean describeOnly, List<Bind> binds) {

        public ReceivedStatement {
            binds = List.copyOf(binds);
        }

        /** Rows the statement carries: the length of an array bind, or one. */
        public int rows() {
            return FakeSnowflakeBinds.rowCount(binds);
        }
    }

    /**
     * One bind parameter: the Snowflake type the driver chose (TEXT, FIXED, TIMESTAMP_LTZ, ...)
     * and its values as sent, one per row for an array bind.
     */
    public record Bind(String type, List<String> values, boolean array) {

        public Bind {
            // Nulls are values too (a NULL in one batch row), so List.copyOf will not do.
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final DuckDBConnection duckdb;
    private final FakeSnowflakeFaults faults = new FakeSnowflakeFaults();
    private final FakeSnowflakeHandler handler;

    private FakeSnowflake(DuckDBConnection duckdb) throws IOException {
        this.duckdb = duckdb;
        this.handler = new FakeSnowflakeHandler(USER, PASSWORD, duckdb::duplicate, faults);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread =
                    new Thread(task, "fake-snowflake-" + server.getAddress().getPort());
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a fake over a fresh in-memory DuckDB database. */
    public static FakeSnowflake start() {
        return start("jdbc:duckdb:");
    }

    /** Starts a fake over a DuckDB database file, created if missing. */
    public static FakeSnowflake start(Path duckDbFile) {
        return start("jdbc:duckdb:" + duckDbFile.toAbsolutePath());
    }

    private static FakeSnowflake start(String duckDbUrl) {
        DuckDBConnection duckdb;
        try {
            // Sessions take duplicates of this connection: separate transactions, one database.
            duckdb = (DuckDBConnection) DriverManager.getConnection(duckDbUrl);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open DuckDB at " + duckDbUrl, e);
        }
        try {
            return new FakeSnowflake(duckdb);
        } catch (IOException e) {
            closeQuietly(duckdb, e);
            throw new UncheckedIOException("Could not start the fake Snowflake server", e);
        }
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * A driver URL for this server. {@code ssl=off} makes the driver speak plain HTTP; with an IP
     * address for host, the account must be given explicitly.
     */
    public String jdbcUrl() {
        return "jdbc:snowflake://127.0.0.1:%d/?ssl=off&account=test&db=%s&schema=%s&warehouse=%s&role=%s"
                .formatted(server.getAddress().getPort(), DATABASE, SCHEMA, WAREHOUSE, ROLE);
    }

    /**
     * Properties for {@code DriverManager.getConnection}.
     *
     * <p>Names the driver does not know travel to the server as session parameters: JSON results
     * (Arrow would need {@code --add-opens} and an encoder the fake does not have), a UTC session,
     * and no out-of-band telemetry, which for a host it does not recognise the driver sends to
     * Snowflake's production telemetry service.
     *
     * <p>The timeouts bound a dropped connection to about three seconds: the driver retries once
     * after one second and once more after one to two. Keep {@code maxHttpRetries} at 1 with this
     * {@code networkTimeout}: at 2, the 3.24.2 driver can shrink its backoff below a third of a
     * second near the timeout, and its jitter then throws IllegalArgumentException ("bound must be
     * greater than origin"), reported as an internal error (200001) instead of a network error.
     * The socket timeout only keeps a fake that hangs from stalling a test for five minutes.
     */
    public Properties connectionProperties() {
        Properties properties = new Properties();
        properties.put("user", USER);
        properties.put("password", PASSWORD);
        properties.put("JDBC_QUERY_RESULT_FORMAT", "JSON");
        properties.put("TIMEZONE", "UTC");
        properties.put("CLIENT_OUT_OF_BAND_TELEMETRY_ENABLED", "false");
        properties.put("loginTimeout", "5");
        properties.put("networkTimeout", "3000");
        properties.put("maxHttpRetries", "1");
        properties.put("HTTP_CLIENT_SOCKET_TIMEOUT", "30000");
        return properties;
    }

    /**
     * The fake's own connection to the DuckDB database, for checking what arrived. It sees only
     * committed data. Owned by the fake: do not close it.
     */
    public Connection duckdb() {
        return duckdb;
    }

    /** Makes the nth statement executed from now on (1 is the next) fail with a Snowflake error. */
    public void failStatement(int n) {
        faults.onStatement(n, new Fault.Fail(FakeSnowflakeError.STATEMENT_TIMEOUT));
    }

    /** Makes the next statement whose SQL contains a match of {@code regex} fail (case-insensitive). */
    public void failStatementMatching(String regex) {
        faults.onStatementMatching(regex, new Fault.Fail(FakeSnowflakeError.STATEMENT_TIMEOUT));
    }

    /** The error code {@link #failStatement} and {@link #failStatementMatching} answer with. */
    public static int injectedErrorCode() {
        return FakeSnowflakeError.STATEMENT_TIMEOUT.code();
    }

    /**
     * Expires every session token issued so far: the next request with one is answered with
     * 390112, after which the driver renews the token and re-sends the request.
     */
    public void expireSessionToken() {
        handler.expireSessionTokens();
    }

    /**
     * Makes the nth statement executed from now on (1 is the next) go unanswered: the server
     * reads the request, does not execute it, and closes the connection. It does the same to
     * every retry of that request, so the driver gives up after its retries.
     */
    public void dropConnectionOnStatement(int n) {
        faults.onStatement(n, new Fault.Drop());
    }

    /**
     * Executes the next statement whose SQL contains a match of {@code regex} (case-insensitive),
     * then withholds its answer until the returned hold is released: the client waits as for a
     * long statement, with the statement's changes in its open transaction.
     */
    public HeldAnswer holdAnswerMatching(String regex) {
        Fault.Hold hold = new Fault.Hold();
        faults.onStatementMatching(regex, hold);
        return new HeldAnswer(hold);
    }

    /** An answer the fake withholds; see {@link #holdAnswerMatching}. Thread-safe. */
    public static final class HeldAnswer {

        private final Fault.Hold hold;

        private HeldAnswer(Fault.Hold hold) {
            this.hold = hold;
        }

        /** True once the statement has run and its answer waits. */
        public boolean reached() {
            return hold.reached().getCount() == 0;
        }

        /** Waits up to {@code timeout} for the statement to run; true if it has. */
        public boolean awaitReached(Duration timeout) throws InterruptedException {
            return hold.reached().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Sends the answer (to a client that may have gone). */
        public void release() {
            hold.released().countDown();
        }
    }

    /** Every statement request received, including describe requests and retries, in order. */
    public List<ReceivedStatement> statements() {
        return handler.statements();
    }

    /** The path of every HTTP request received, in order: login, statements, token renewals. */
    public List<String> requestPaths() {
        return handler.requestPaths();
    }

    /** Forgets the statements and paths received so far. */
    public void clearLogs() {
        handler.clearLogs();
    }

    /**
     * Accepts key-pair logins (authenticator SNOWFLAKE_JWT) whose token this public key verifies;
     * until called, only the password logs in.
     */
    public void acceptPublicKey(java.security.PublicKey key) {
        handler.acceptPublicKey(key);
    }

    /** Sessions logged in and not yet closed by the driver. */
    public int openSessions() {
        return handler.openSessions();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        handler.closeAllSessions();
        try {
            duckdb.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the fake's DuckDB database", e);
        }
    }
}
