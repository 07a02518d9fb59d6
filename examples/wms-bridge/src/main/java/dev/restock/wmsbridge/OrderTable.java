package dev.restock.wmsbridge;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The connection table Restock saves orders to (one row per order line, see Restock's table
 * contract), read and updated with plain JDBC. The bridge only ever updates the columns the
 * contract gives to the downstream side: EXTERNAL_ID, RECEIVED, RECEIVED_DATE and UPDATED_AT.
 *
 * <p>Every operation opens its own {@link Session} and closes it at once. A DuckDB file accepts
 * one writing process at a time, and Restock opens the same file to save orders, so holding it
 * open would lock Restock out; a lock conflict is retried for a few seconds instead. Against a
 * real data warehouse, a connection pool would do the same job. Thread-safe.
 */
final class OrderTable {

    private static final System.Logger LOG = System.getLogger("wms-bridge");
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    private final String jdbcUrl;
    private final Properties credentials;
    private final String quotedTable;
    private final Clock clock;
    private final AtomicInteger lockConflicts = new AtomicInteger();

    OrderTable(String jdbcUrl, String user, String password, String table, Clock clock) {
        this.jdbcUrl = jdbcUrl;
        this.credentials = new Properties();
        if (user != null) {
            credentials.put("user", user);
        }
        if (password != null) {
            credentials.put("password", password);
        }
        this.quotedTable = quoteTable(table);
        this.clock = clock;
    }

    /**
     * Opens a session on the table. Close it as soon as the operation is done: on a DuckDB file
     * an open session keeps every other process, Restock included, out.
     */
    Session open() throws SQLException {
        return new Session(connect());
    }

    /** One JDBC connection to the table, for one short operation. Not thread-safe. */
    final class Session implements AutoCloseable {

        private final Connection connection;

        private Session(Connection connection) {
            this.connection = connection;
        }

        /** Ids of the orders the downstream side has not taken yet: the poll fallback. */
        List<String> unforwardedOrderIds() throws SQLException {
            String sql =
                    "select distinct \"ID\" from " + quotedTable + " where \"EXTERNAL_ID\" is null order by \"ID\"";
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet rs = statement.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }

        /** The order's rows that still have no EXTERNAL_ID; empty when it was forwarded already. */
        List<OrderRow> unforwardedRows(String orderId) throws SQLException {
            String sql = "select \"ID\", \"REFERENCE\", \"TYPE\", \"WAREHOUSE\", \"VENDOR\", \"SOURCE_WAREHOUSE\","
                    + " \"LINE_ITEM_ID\", \"SKU\", \"TITLE\", \"REPLENISHMENT\" from " + quotedTable
                    + " where \"ID\" = ? and \"EXTERNAL_ID\" is null order by \"LINE_ITEM_ID\"";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, orderId);
                try (ResultSet rs = statement.executeQuery()) {
                    List<OrderRow> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(new OrderRow(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getBigDecimal(10)));
                    }
                    return rows;
                }
            }
        }

        /**
         * Sets EXTERNAL_ID on every row of the order that has none yet, so the next poll skips it.
         * Returns the number of rows changed: 0 when another bridge instance got there first.
         */
        int markForwarded(String orderId, String externalId) throws SQLException {
            String sql = "update " + quotedTable + " set \"EXTERNAL_ID\" = ?, \"UPDATED_AT\" = ?"
                    + " where \"ID\" = ? and \"EXTERNAL_ID\" is null";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, externalId);
                statement.setObject(2, nowUtc());
                statement.setString(3, orderId);
                return statement.executeUpdate();
            }
        }

        /**
         * Records the total received so far on one line. Writing a total (not adding a delta) makes
         * a repeated receipt harmless; UPDATED_AT moves only when the quantity really changes, so
         * Restock's sync sees each receipt once. Returns the number of rows changed.
         */
        int recordReceipt(String orderId, String lineItemId, BigDecimal receivedTotal, LocalDate date)
                throws SQLException {
            String sql = "update " + quotedTable + " set \"RECEIVED\" = ?, \"RECEIVED_DATE\" = ?, \"UPDATED_AT\" = ?"
                    + " where \"ID\" = ? and \"LINE_ITEM_ID\" = ? and \"RECEIVED\" is distinct from ?";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setBigDecimal(1, receivedTotal);
                statement.setObject(2, date);
                statement.setObject(3, nowUtc());
                statement.setString(4, orderId);
                statement.setString(5, lineItemId);
                statement.setBigDecimal(6, receivedTotal);
                return statement.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** Opens a connection, waiting out a DuckDB file lock held by another process (Restock). */
    private Connection connect() throws SQLException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        long pauseMillis = 20;
        while (true) {
            try {
                return DriverManager.getConnection(jdbcUrl, credentials);
            } catch (SQLException e) {
                if (!isLockConflict(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                if (lockConflicts.incrementAndGet() % 20 == 1) {
                    LOG.log(
                            Level.INFO,
                            "The database file is locked by another process; waiting up to {0} s",
                            LOCK_WAIT.toSeconds());
                }
                pause(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 500);
            }
        }
    }

    /** How many times opening the table met a lock held by another process or thread. */
    int lockConflicts() {
        return lockConflicts.get();
    }

    /**
     * DuckDB says "Could not set lock on file ...: Conflicting lock is held in ..." when another
     * process has the file, and "Unique file handle conflict" when another thread of this process
     * opens it at the moment the last connection closes it.
     */
    private static boolean isLockConflict(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Could not set lock") || message.contains("Unique file handle conflict");
    }

    private static void pause(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a database file lock", e);
        }
    }

    /** The contract's timestamps are UTC wall clocks without zone (TIMESTAMP_NTZ). */
    private LocalDateTime nowUtc() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Quotes each part of {@code SCHEMA.TABLE}, as Restock does: names match as written. */
    private static String quoteTable(String table) {
        return Arrays.stream(table.split("\\."))
                .map(part -> '"' + part.replace("\"", "\"\"") + '"')
                .collect(Collectors.joining("."));
    }
}
