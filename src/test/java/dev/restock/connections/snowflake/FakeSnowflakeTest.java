package dev.restock.connections.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.restock.connections.snowflake.FakeSnowflake.ReceivedStatement;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.snowflake.client.jdbc.ErrorCode;
import net.snowflake.client.jdbc.SnowflakeUtil;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the real snowflake-jdbc driver against the fake. */
class FakeSnowflakeTest {

    /** A slice of the connection table contract, plus a column named like a reserved word. */
    private static final String CREATE_TABLE = """
            create table "PURCHASE_ORDERS" (
                "ID" VARCHAR not null,
                "LINE_ITEM_ID" VARCHAR not null,
                "ORDER" NUMBER(38,0),
                "TITLE" VARCHAR,
                "REPLENISHMENT" NUMBER(38,6),
                "CREATED_DATE" TIMESTAMP_NTZ,
                "EXPECTED_DATE" DATE,
                "REMOVED" BOOLEAN
            )""";

    private static final String INSERT_LINE = """
            insert into "PURCHASE_ORDERS" ("ID", "LINE_ITEM_ID", "ORDER", "TITLE", "REPLENISHMENT", \
            "CREATED_DATE", "EXPECTED_DATE", "REMOVED") values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final Instant CREATED = Instant.parse("2024-03-10T09:15:30.123Z");
    private static final LocalDate EXPECTED = LocalDate.of(2024, 4, 2);

    private final FakeSnowflake snowflake = FakeSnowflake.start();

    @AfterEach
    void stopFake() {
        snowflake.close();
    }

    @Test
    void insertsAThousandLineBatchInOneRequestAndReadsItBackEqual() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, CREATE_TABLE);
            snowflake.clearLogs();

            int[] counts = insertLines(connection, "PO-1", 1000);

            assertThat(counts).hasSize(1000).containsOnly(1);
            List<ReceivedStatement> inserts = snowflake.statements().stream()
                    .filter(statement -> statement.sql().startsWith("insert"))
                    .toList();
            assertThat(inserts)
                    .extracting(ReceivedStatement::describeOnly, ReceivedStatement::rows)
                    .containsExactly(tuple(true, 1), tuple(false, 1000));
            assertThat(inserts.get(1).binds())
                    .extracting(FakeSnowflake.Bind::type)
                    .containsExactly("TEXT", "TEXT", "FIXED", "TEXT", "FIXED", "TIMESTAMP_LTZ", "DATE", "BOOLEAN");

            List<Line> readBack = readLines(connection, "PO-1");
            assertThat(readBack).hasSize(1000);
            for (int i = 0; i < 1000; i++) {
                assertThat(readBack.get(i)).isEqualTo(expectedLine(i));
            }
        }
        assertThat(countInDuckDb("PO-1")).isEqualTo(1000);
    }

    @Test
    void rollbackWithAutocommitOffLeavesNothing() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, CREATE_TABLE);
            connection.setAutoCommit(false);

            insertLines(connection, "PO-2", 3);
            connection.rollback();

            assertThat(readLines(connection, "PO-2")).isEmpty();
        }
        assertThat(countInDuckDb("PO-2")).isZero();
        assertThat(snowflake.statements())
                .extracting(ReceivedStatement::sql)
                .anyMatch(sql -> sql.matches("(?s)alter session .* set autocommit=false"))
                .contains("rollback");
    }

    @Test
    void commitKeepsRowsThatOthersCannotSeeBefore() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, CREATE_TABLE);
            connection.setAutoCommit(false);

            insertLines(connection, "PO-3", 3);
            long visibleBeforeCommit = countInDuckDb("PO-3");
            connection.commit();

            assertThat(visibleBeforeCommit).isZero();
            assertThat(countInDuckDb("PO-3")).isEqualTo(3);
        }
    }

    @Test
    void failsTheArmedStatementWithASnowflakeErrorAndKeepsWorkingAfterwards() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, CREATE_TABLE);
            snowflake.failStatement(1);

            assertThatThrownBy(() -> insertLines(connection, "PO-4", 2))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(FakeSnowflake.injectedErrorCode());
                        assertThat(e.getSQLState()).isEqualTo("57014");
                    });
            insertLines(connection, "PO-5", 2);

            assertThat(readLines(connection, "PO-4")).isEmpty();
            assertThat(readLines(connection, "PO-5")).hasSize(2);
        }
    }

    @Test
    void holdsTheAnswerToAnExecutedStatementUntilReleased() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, CREATE_TABLE);
            connection.setAutoCommit(false);
            FakeSnowflake.HeldAnswer held = snowflake.holdAnswerMatching("^insert");

            CompletableFuture<int[]> insert = CompletableFuture.supplyAsync(() -> {
                try {
                    return insertLines(connection, "PO-7", 3);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            boolean reached = held.awaitReached(Duration.ofSeconds(30));
            boolean answeredWhileHeld = insert.isDone();
            held.release();
            int[] counts = insert.get(30, TimeUnit.SECONDS);
            long visibleBeforeCommit = countInDuckDb("PO-7");
            connection.commit();

            assertThat(reached).isTrue();
            assertThat(answeredWhileHeld).isFalse();
            assertThat(counts).containsExactly(1, 1, 1);
            assertThat(visibleBeforeCommit).isZero();
            assertThat(countInDuckDb("PO-7")).isEqualTo(3);
        }
    }

    @Test
    void failsOnlyTheStatementMatchingAPattern() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, CREATE_TABLE);
            insertLines(connection, "PO-6", 2);
            snowflake.failStatementMatching("^delete");

            assertThatThrownBy(() -> execute(connection, "delete from \"PURCHASE_ORDERS\" where \"ID\" = 'PO-6'"))
                    .isInstanceOf(SQLException.class);
            execute(connection, "delete from \"PURCHASE_ORDERS\" where \"ID\" = 'PO-6'");

            assertThat(readLines(connection, "PO-6")).isEmpty();
        }
    }

    @Test
    void reportsAMissingTableWithSnowflakesCode() throws Exception {
        try (Connection connection = connect()) {
            assertThatThrownBy(() -> execute(connection, "select * from \"PURCHASE_ORDERS\""))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(2003);
                        assertThat(e.getSQLState()).isEqualTo("42S02");
                        assertThat(e.getMessage()).contains("'PURCHASE_ORDERS' does not exist");
                    });
        }
    }

    @Test
    void renewsAnExpiredSessionTokenTransparently() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, CREATE_TABLE);
            snowflake.expireSessionToken();
            snowflake.clearLogs();

            insertLines(connection, "PO-7", 1);

            assertThat(snowflake.requestPaths())
                    .containsSubsequence(
                            "/queries/v1/query-request", "/session/token-request", "/queries/v1/query-request");
            List<ReceivedStatement> sent = snowflake.statements();
            assertThat(sent.get(0).requestId()).isEqualTo(sent.get(1).requestId());
            assertThat(readLines(connection, "PO-7")).hasSize(1);
        }
    }

    @Test
    void failsWithinSecondsWhenTheConnectionDropsAndTheSessionSurvives() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, CREATE_TABLE);
            snowflake.dropConnectionOnStatement(1);
            long start = System.nanoTime();

            assertThatThrownBy(() -> insertLines(connection, "PO-8", 1))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(ErrorCode.NETWORK_ERROR.getMessageCode());
                    });
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
            assertThat(snowflake.statements())
                    .filteredOn(statement ->
                            !statement.describeOnly() && statement.sql().startsWith("insert"))
                    .hasSizeGreaterThan(1);
            assertThat(readLines(connection, "PO-8")).isEmpty();
        }
    }

    @Test
    void closeEndsTheSessionAndRollsBackWhatWasNotCommitted() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, CREATE_TABLE);
            connection.setAutoCommit(false);
            insertLines(connection, "PO-9", 2);
            assertThat(snowflake.openSessions()).isEqualTo(1);
        }

        assertThat(snowflake.openSessions()).isZero();
        assertThat(snowflake.requestPaths()).contains("/session");
        assertThat(countInDuckDb("PO-9")).isZero();
    }

    @Test
    void sendsADeleteBatchAsOneRequestPerRow() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, CREATE_TABLE);
            insertLines(connection, "PO-10", 2);
            insertLines(connection, "PO-11", 2);
            snowflake.clearLogs();

            try (PreparedStatement delete =
                    connection.prepareStatement("delete from \"PURCHASE_ORDERS\" where \"ID\" = ?")) {
                for (String id : List.of("PO-10", "PO-11")) {
                    delete.setString(1, id);
                    delete.addBatch();
                }
                assertThat(delete.executeBatch()).containsExactly(2, 2);
            }

            assertThat(snowflake.statements())
                    .filteredOn(statement -> !statement.describeOnly())
                    .extracting(ReceivedStatement::rows)
                    .containsExactly(1, 1);
        }
    }

    @Test
    void describesAQueryWithoutRunningItSoColumnsCanBeChecked() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, CREATE_TABLE);
            snowflake.clearLogs();

            ResultSetMetaData columns = connection
                    .prepareStatement("select * from \"PURCHASE_ORDERS\" where 1 = 0")
                    .getMetaData();

            assertThat(columns.getColumnCount()).isEqualTo(8);
            assertThat(columns.getColumnName(3)).isEqualTo("ORDER");
            assertThat(columns.getColumnType(5)).isEqualTo(Types.DECIMAL);
            assertThat(columns.getPrecision(5)).isEqualTo(38);
            assertThat(columns.getScale(5)).isEqualTo(6);
            assertThat(columns.getColumnType(6)).isEqualTo(Types.TIMESTAMP);
            assertThat(columns.getColumnTypeName(6)).isEqualTo("TIMESTAMPNTZ");
            assertThat(snowflake.statements())
                    .extracting(ReceivedStatement::describeOnly)
                    .containsExactly(true);
        }
    }

    @Test
    void refusesAWrongPassword() {
        Properties properties = snowflake.connectionProperties();
        properties.put("password", "wrong");

        assertThatThrownBy(() -> DriverManager.getConnection(snowflake.jdbcUrl(), properties))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(390100));
    }

    /**
     * Pins what the driver sends for a TIMESTAMP_NTZ column from a JVM in New York, where Restock
     * may run. {@code setTimestamp} sends the Timestamp's instant tagged TIMESTAMP_LTZ, so a
     * Timestamp made from a local wall clock lands shifted by the JVM's offset. The pusher must
     * bind NTZ values either as a UTC string or as the UTC instant with the TIMESTAMP_NTZ type.
     */
    @Test
    void storesNtzFromAUtcStringOrAnNtzBindButShiftsALocalTimestampByTheJvmOffset() throws Exception {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try (Connection connection = connect()) {
            execute(connection, "create table \"T\" (\"HOW\" VARCHAR, \"AT\" TIMESTAMP_NTZ)");
            snowflake.clearLogs();
            LocalDateTime noonUtc = LocalDateTime.of(2024, 3, 10, 12, 0);
            Timestamp noonUtcInstant = Timestamp.from(noonUtc.toInstant(ZoneOffset.UTC));

            try (PreparedStatement insert = connection.prepareStatement("insert into \"T\" values (?, ?)")) {
                insert.setString(1, "local timestamp");
                insert.setTimestamp(2, Timestamp.valueOf(noonUtc));
                insert.executeUpdate();
                insert.setString(1, "utc string");
                insert.setString(2, "2024-03-10 12:00:00.000");
                insert.executeUpdate();
                insert.setString(1, "ntz bind of the utc instant");
                insert.setObject(2, noonUtcInstant, SnowflakeUtil.EXTRA_TYPES_TIMESTAMP_NTZ);
                insert.executeUpdate();
                // Right only because the session TIMEZONE is UTC: an LTZ value lands in an NTZ
                // column as the wall clock of the session's zone.
                insert.setString(1, "ltz bind of the utc instant");
                insert.setTimestamp(2, noonUtcInstant);
                insert.executeUpdate();
            }

            assertThat(snowflake.statements())
                    .extracting(
                            statement -> statement.binds().get(1).type(),
                            statement -> statement.binds().get(1).values().get(0))
                    .containsExactly(
                            tuple("TIMESTAMP_LTZ", "1710086400000000000"),
                            tuple("TEXT", "2024-03-10 12:00:00.000"),
                            tuple("TIMESTAMP_NTZ", "1710072000000000000"),
                            tuple("TIMESTAMP_LTZ", "1710072000000000000"));
            assertThat(storedTimestamps())
                    .containsExactly(
                            tuple("local timestamp", noonUtc.plusHours(4)),
                            tuple("utc string", noonUtc),
                            tuple("ntz bind of the utc instant", noonUtc),
                            tuple("ltz bind of the utc instant", noonUtc));

            try (ResultSet result = connection
                    .createStatement()
                    .executeQuery("select \"AT\" from \"T\" where \"HOW\" = 'utc string'")) {
                result.next();
                // Reading NTZ gives the stored wall clock in the JVM's zone, not the UTC instant.
                assertThat(result.getTimestamp(1).toLocalDateTime()).isEqualTo(noonUtc);
                assertThat(result.getString(1)).isEqualTo("2024-03-10 12:00:00.000");
                assertThatThrownBy(() -> result.getObject(1, LocalDateTime.class))
                        .isInstanceOf(SQLException.class);
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    private record Line(
            String lineItemId,
            long order,
            String title,
            BigDecimal replenishment,
            LocalDateTime created,
            LocalDate expected,
            boolean removed) {}

    private static Line expectedLine(int i) {
        return new Line(
                "line-" + i,
                i,
                "Café ☕ n°" + i,
                new BigDecimal("1.000001").add(BigDecimal.valueOf(i)),
                LocalDateTime.ofInstant(CREATED.plusSeconds(i), ZoneOffset.UTC),
                i % 10 == 9 ? null : EXPECTED.plusDays(i % 30),
                i % 2 == 0);
    }

    private int[] insertLines(Connection connection, String orderId, int count) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_LINE)) {
            for (int i = 0; i < count; i++) {
                Line line = expectedLine(i);
                insert.setString(1, orderId);
                insert.setString(2, line.lineItemId());
                insert.setLong(3, line.order());
                insert.setString(4, line.title());
                insert.setBigDecimal(5, line.replenishment());
                insert.setTimestamp(6, Timestamp.from(CREATED.plusSeconds(i)));
                if (line.expected() == null) {
                    insert.setNull(7, Types.DATE);
                } else {
                    insert.setDate(7, Date.valueOf(line.expected()));
                }
                insert.setBoolean(8, line.removed());
                insert.addBatch();
            }
            return insert.executeBatch();
        }
    }

    private List<Line> readLines(Connection connection, String orderId) throws SQLException {
        String query = "select \"LINE_ITEM_ID\", \"ORDER\", \"TITLE\", \"REPLENISHMENT\", \"CREATED_DATE\","
                + " \"EXPECTED_DATE\", \"REMOVED\" from \"PURCHASE_ORDERS\" where \"ID\" = ? order by \"ORDER\"";
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, orderId);
            List<Line> lines = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    lines.add(new Line(
                            result.getString(1),
                            result.getLong(2),
                            result.getString(3),
                            result.getBigDecimal(4),
                            result.getTimestamp(5).toLocalDateTime(),
                            result.getDate(6) == null ? null : result.getDate(6).toLocalDate(),
                            result.getBoolean(7)));
                }
            }
            return lines;
        }
    }

    private long countInDuckDb(String orderId) throws SQLException {
        try (PreparedStatement count =
                snowflake.duckdb().prepareStatement("select count(*) from \"PURCHASE_ORDERS\" where \"ID\" = ?")) {
            count.setString(1, orderId);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private List<Tuple> storedTimestamps() throws SQLException {
        List<Tuple> rows = new ArrayList<>();
        try (Statement statement = snowflake.duckdb().createStatement();
                ResultSet result = statement.executeQuery("select \"HOW\", \"AT\" from \"T\" order by rowid")) {
            while (result.next()) {
                rows.add(tuple(result.getString(1), result.getObject(2, LocalDateTime.class)));
            }
        }
        return rows;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(snowflake.jdbcUrl(), snowflake.connectionProperties());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
