package dev.restock.connections;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The statements a push runs on the connection. Every method opens its own JDBC connection, so
 * that compensation never runs on a connection whose state an earlier failure left unknown.
 */
@Component
class PushWriter {

    /**
     * How far a write got, so a failure can be named by its step and judged: before the first
     * statement that changes the table was sent, this attempt cannot have written anything.
     * Not thread-safe; one per write.
     */
    static final class Progress {

        /** The steps of a write, in the order they run. */
        enum Step {
            PREPARING,
            CONNECTING,
            CREATING_TABLE,
            READING_COLUMNS,
            CHECKING_COLUMNS,
            WRITING,
            COUNTING;

            /** What Restock was doing, to follow "failed while". */
            String describe(String table) {
                return switch (this) {
                    case PREPARING -> "preparing the rows for " + table;
                    case CONNECTING -> "connecting";
                    case CREATING_TABLE -> "creating table " + table;
                    case READING_COLUMNS -> "reading the columns of " + table;
                    case CHECKING_COLUMNS -> "checking the columns of " + table;
                    case WRITING -> "writing to " + table;
                    case COUNTING -> "counting the rows written to " + table;
                };
            }
        }

        private Step step = Step.PREPARING;
        private boolean insertSent;

        Step step() {
            return step;
        }

        void reached(Step next) {
            step = next;
        }

        /** A statement that changes the table (the DELETE before the rows) was sent. */
        boolean tableChangeSent() {
            return step.compareTo(Step.WRITING) >= 0;
        }

        boolean insertSent() {
            return insertSent;
        }
    }

    private final ConnectionOpener opener;

    PushWriter(ConnectionOpener opener) {
        this.opener = opener;
    }

    /**
     * In one transaction: deletes rows with the order's ID, inserts the rows in one batch, and
     * commits; then counts the rows with the ID. Rolls back before rethrowing any failure.
     */
    long write(
            Connection connection,
            String table,
            String orderId,
            List<Map<ContractColumn, Object>> rows,
            Progress progress)
            throws SQLException {
        SqlDialect dialect = connection.dialect();
        progress.reached(Progress.Step.CONNECTING);
        try (java.sql.Connection jdbc = opener.open(connection)) {
            if (connection.createTables()) {
                progress.reached(Progress.Step.CREATING_TABLE);
                try (Statement statement = jdbc.createStatement()) {
                    statement.execute(dialect.createTable(table));
                }
            }
            progress.reached(Progress.Step.READING_COLUMNS);
            Map<ContractColumn, String> present = columnsPresent(jdbc, connection, table);
            progress.reached(Progress.Step.CHECKING_COLUMNS);
            Map<ContractColumn, String> columns = requireColumns(present, connection, table);

            progress.reached(Progress.Step.WRITING);
            jdbc.setAutoCommit(false);
            try {
                delete(jdbc, dialect, table, columns.get(ContractColumn.ID), orderId);
                progress.insertSent = true;
                insert(jdbc, dialect, table, columns, rows);
                jdbc.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(jdbc, e);
                throw e;
            }
            progress.reached(Progress.Step.COUNTING);
            return count(jdbc, dialect, table, columns.get(ContractColumn.ID), orderId);
        }
    }

    /** Deletes every row with the order's ID, committed on its own: the compensation. */
    void deleteOrder(Connection connection, String table, String orderId) throws SQLException {
        try (java.sql.Connection jdbc = opener.open(connection)) {
            delete(jdbc, connection.dialect(), table, idColumn(jdbc, connection, table), orderId);
        }
    }

    long countOrder(Connection connection, String table, String orderId) throws SQLException {
        try (java.sql.Connection jdbc = opener.open(connection)) {
            return count(jdbc, connection.dialect(), table, idColumn(jdbc, connection, table), orderId);
        }
    }

    /**
     * The table's name for each contract column, matched case-insensitively. A table without a
     * required column is refused before anything is written, naming the DDL that would add it;
     * the caller says that nothing was written.
     */
    private static Map<ContractColumn, String> requireColumns(
            Map<ContractColumn, String> columns, Connection connection, String table) {
        List<ContractColumn> missing = Arrays.stream(ContractColumn.values())
                .filter(column -> column.required() && !columns.containsKey(column))
                .toList();
        if (!missing.isEmpty()) {
            throw new ConnectionException("Table " + table + " of connection '" + connection.name()
                    + "' lacks the column(s) "
                    + missing.stream().map(Enum::name).collect(Collectors.joining(", "))
                    + ". Add them with: "
                    + missing.stream()
                            .map(column -> connection.dialect().addColumn(table, column))
                            .collect(Collectors.joining("; ")));
        }
        return columns;
    }

    static Map<ContractColumn, String> columnsPresent(java.sql.Connection jdbc, Connection connection, String table)
            throws SQLException {
        Map<String, String> byUpperCase = new HashMap<>();
        try (Statement statement = jdbc.createStatement();
                ResultSet rs = statement.executeQuery(connection.dialect().describe(table))) {
            ResultSetMetaData metaData = rs.getMetaData();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                byUpperCase.put(metaData.getColumnName(i).toUpperCase(Locale.ROOT), metaData.getColumnName(i));
            }
        }
        Map<ContractColumn, String> columns = new EnumMap<>(ContractColumn.class);
        for (ContractColumn column : ContractColumn.values()) {
            String actual = byUpperCase.get(column.name());
            if (actual != null) {
                columns.put(column, actual);
            }
        }
        return columns;
    }

    /** Only the ID column is needed to find or remove an order's rows. */
    private static String idColumn(java.sql.Connection jdbc, Connection connection, String table) throws SQLException {
        String id = columnsPresent(jdbc, connection, table).get(ContractColumn.ID);
        if (id == null) {
            throw new ConnectionException("Table " + table + " of connection '" + connection.name()
                    + "' has no column ID, so Restock cannot find its orders there.");
        }
        return id;
    }

    private static void delete(
            java.sql.Connection jdbc, SqlDialect dialect, String table, String idColumn, String orderId)
            throws SQLException {
        try (PreparedStatement delete = jdbc.prepareStatement(dialect.deleteOrder(table, idColumn))) {
            delete.setString(1, orderId);
            delete.executeUpdate();
        }
    }

    /**
     * All rows in as few round trips as the driver allows: multi-row INSERTs where the dialect
     * says so, else one batch (the Snowflake driver sends an INSERT batch as one array bind).
     */
    private static void insert(
            java.sql.Connection jdbc,
            SqlDialect dialect,
            String table,
            Map<ContractColumn, String> columns,
            List<Map<ContractColumn, Object>> rows)
            throws SQLException {
        List<ContractColumn> written = columns.keySet().stream()
                .filter(ContractColumn::writtenByRestock)
                .toList();
        List<String> names = written.stream().map(columns::get).toList();
        if (dialect.bulkInsert(jdbc, table, names, written, rows)) {
            return;
        }
        int perStatement = dialect.rowsPerInsert(written.size());
        if (perStatement <= 1) {
            try (PreparedStatement insert = jdbc.prepareStatement(dialect.insert(table, names))) {
                for (Map<ContractColumn, Object> row : rows) {
                    bindRow(dialect, insert, 0, written, row);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return;
        }
        PreparedStatement full = null;
        try {
            for (int start = 0; start < rows.size(); start += perStatement) {
                List<Map<ContractColumn, Object>> chunk =
                        rows.subList(start, Math.min(start + perStatement, rows.size()));
                boolean whole = chunk.size() == perStatement;
                if (whole && full == null) {
                    full = jdbc.prepareStatement(dialect.insertRows(table, names, perStatement));
                }
                PreparedStatement insert =
                        whole ? full : jdbc.prepareStatement(dialect.insertRows(table, names, chunk.size()));
                try {
                    for (int i = 0; i < chunk.size(); i++) {
                        bindRow(dialect, insert, i * written.size(), written, chunk.get(i));
                    }
                    insert.executeUpdate();
                } finally {
                    if (!whole) {
                        insert.close();
                    }
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    private static void bindRow(
            SqlDialect dialect,
            PreparedStatement insert,
            int offset,
            List<ContractColumn> written,
            Map<ContractColumn, Object> row)
            throws SQLException {
        for (int i = 0; i < written.size(); i++) {
            ContractColumn column = written.get(i);
            dialect.bind(insert, offset + i + 1, column.type(), row.get(column));
        }
    }

    private static long count(
            java.sql.Connection jdbc, SqlDialect dialect, String table, String idColumn, String orderId)
            throws SQLException {
        try (PreparedStatement count = jdbc.prepareStatement(dialect.countOrder(table, idColumn))) {
            count.setString(1, orderId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void rollbackQuietly(java.sql.Connection jdbc, Exception cause) {
        try {
            jdbc.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
