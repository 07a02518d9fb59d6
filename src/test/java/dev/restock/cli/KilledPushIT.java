package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.connections.Connection;
import dev.restock.connections.ConnectionDdl;
import dev.restock.connections.ConnectionKind;
import dev.restock.connections.Connections;
import dev.restock.connections.SecretReference;
import dev.restock.connections.snowflake.FakeSnowflake;
import dev.restock.orders.Actor;
import dev.restock.orders.NewStockOrder;
import dev.restock.orders.OrderFixtures;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrders;
import dev.restock.store.EmbeddedPostgresServer;
import dev.restock.store.HomeProcesses;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pushes killed with SIGKILL, then a restart (issue #4). {@code orders save} runs in a JVM of its
 * own and is killed at a point the test observes from outside; once every push has been killed,
 * {@code orders recover} runs in a fresh JVM on the same home, which takes over the embedded
 * PostgreSQL the killed ones left running. After that each connection's table holds an order
 * whole, exactly once, and the order is saved, or it holds none of it and the order is editable;
 * saving again writes it once.
 *
 * <p>Two kills per connection kind, each where the test holds the push, not after a set time:
 *
 * <ul>
 *   <li>{@link KillPoint#WRITING}, before the connection commits. PostgreSQL: the COPY waits at
 *       the middle line for an advisory lock the test holds (a trigger on the customer's table
 *       asks for it). Snowflake (the fake server, which runs in this JVM and which the CLI reaches
 *       over HTTP): the INSERT has run in the push's transaction and the fake withholds its
 *       answer. DuckDB runs inside the killed JVM, so nothing outside can hold its write: the kill
 *       comes when the JVM has the DuckDB file open, most often before the commit, and the test
 *       expects whichever outcome the table shows.
 *   <li>{@link KillPoint#COMMITTED}, after the connection committed and the count matched: the
 *       UPDATE that marks the order saved waits for a lock the test holds on the order's row.
 * </ul>
 *
 * <p>Linux only: the test looks into /proc to see the CLI open the DuckDB file.
 */
@EnabledOnOs(OS.LINUX)
class KilledPushIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final String TABLE = "PURCHASE_ORDERS";
    private static final long HOLD_LOCK = 42;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The connections orders are saved to, one per kind, and how many lines their orders have. */
    enum Target {
        LOCAL(Connections.LOCAL, 50_000),
        POSTGRESQL("customer-postgres", 50_000),
        // The fake runs an array bind row by row in DuckDB, a few thousand rows a second. The
        // hold, not the size, puts the kill in the middle of the write.
        SNOWFLAKE("customer-snowflake", 5_000);

        final String connection;
        final int lines;

        Target(String connection, int lines) {
            this.connection = connection;
            this.lines = lines;
        }
    }

    /** Where the push is when its JVM is killed. */
    enum KillPoint {
        WRITING,
        COMMITTED
    }

    /** An order the test saves to {@code target} and kills the push of at {@code point}. */
    record LargeOrder(UUID id, String reference, Target target, KillPoint point) {

        int lines() {
            return target.lines;
        }

        Rows whole() {
            return new Rows(lines(), lines());
        }
    }

    /** Rows of an order in the table, and their distinct line item ids. */
    record Rows(long total, long distinctLines) {}

    /** What Restock's database and the table held just after a kill. */
    record AfterKill(String saveState, long rows) {}

    @TempDir
    static Path folder;

    private static Path home;
    private static FakeSnowflake snowflake;
    private static EmbeddedPostgres customerPostgres;
    private static final List<LargeOrder> ORDERS = new ArrayList<>();

    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void homeWithLargeOrders() throws Exception {
        home = folder.resolve("home");
        snowflake = FakeSnowflake.start();
        customerPostgres = EmbeddedPostgres.builder().start();
        try (var context = RestockRuntime.startForCommand(home)) {
            context.getBean(Connections.class).save(postgresConnection());
            context.getBean(Connections.class).save(snowflakeConnection());
            for (Target target : Target.values()) {
                context.getBean(ConnectionDdl.class).apply(target.connection);
            }
            holdCopiesOfTheMiddleLineOnTheAdvisoryLock();

            LargeOrders largeOrders =
                    new LargeOrders(context.getBean(StockOrders.class), context.getBean(JdbcClient.class));
            for (Target target : Target.values()) {
                for (KillPoint point : KillPoint.values()) {
                    ORDERS.add(largeOrders.create(target, point));
                }
            }
        }
    }

    @AfterEach
    void killLeftoverCli() {
        started.forEach(Process::destroyForcibly);
    }

    /** A failed test must not leave its PostgreSQL behind. */
    @AfterAll
    static void stopServers() throws IOException {
        HomeProcesses.postmaster(home).ifPresent(ProcessHandle::destroy);
        if (snowflake != null) {
            snowflake.close();
        }
        if (customerPostgres != null) {
            customerPostgres.close();
        }
    }

    @Test
    void aRestartLeavesEachKilledPushWholeOnceOrNotAtAllAndSavingAgainWritesItOnce() throws Exception {
        Map<LargeOrder, AfterKill> kills = new LinkedHashMap<>();
        for (LargeOrder order : ORDERS) {
            kills.put(order, killSave(order));
        }
        JsonNode recovered = JSON.readTree(runCli("recover", 0, "orders", "recover", "--format", "json"));

        kills.forEach((order, kill) -> heldAt(order)
                .ifPresent(held -> assertThat(kill).as(order.toString()).isEqualTo(held)));
        assertThat(recovered).isEqualTo(recoveryOf(kills));
        assertThat(HomeProcesses.postmaster(home))
                .as("the recovering JVM took over the PostgreSQL the killed ones left, and stopped it")
                .isEmpty();
        // Held for the commands below, which would each start and stop it otherwise.
        try (EmbeddedPostgresServer restockDatabase = EmbeddedPostgresServer.acquire(home)) {
            for (LargeOrder order : ORDERS) {
                if (assertSavedWholeOrEditableWithNothingWritten(order)) {
                    assertSavingAgainIsRefused(order);
                } else {
                    assertSavingAgainWritesItOnce(order);
                }
            }
        }
        assertThat(HomeProcesses.postmaster(home))
                .as("no PostgreSQL left running on the home")
                .isEmpty();
    }

    /**
     * Where the test holds the push when it kills it, as seen just after: the order saving, and
     * nothing in the table before the commit, all of it after. DuckDB's write cannot be held.
     */
    private static Optional<AfterKill> heldAt(LargeOrder order) {
        if (order.point() == KillPoint.COMMITTED) {
            return Optional.of(new AfterKill("saving", order.lines()));
        }
        return order.target() == Target.LOCAL ? Optional.empty() : Optional.of(new AfterKill("saving", 0));
    }

    /**
     * What recovery should report for the orders the kills left saving: those whole in the table
     * saved, those with nothing there undone. (A kill after the order was marked saved leaves
     * recovery nothing to do; part of an order in the table would fit neither count.)
     */
    private static JsonNode recoveryOf(Map<LargeOrder, AfterKill> kills) {
        ObjectNode outcome = JSON.createObjectNode();
        outcome.put("saved", count(kills, (order, kill) -> kill.rows() == order.lines()));
        outcome.put("undone", count(kills, (order, kill) -> kill.rows() == 0));
        outcome.put("unsettled", 0);
        return outcome;
    }

    private static int count(Map<LargeOrder, AfterKill> kills, BiPredicate<LargeOrder, AfterKill> matching) {
        return (int) kills.entrySet().stream()
                .filter(kill -> kill.getValue().saveState().equals("saving"))
                .filter(kill -> matching.test(kill.getKey(), kill.getValue()))
                .count();
    }

    /**
     * Starts {@code orders save} in a JVM of its own, kills it with SIGKILL at the order's kill
     * point, and returns what Restock's database and the table hold then.
     */
    private AfterKill killSave(LargeOrder order) throws Exception {
        switch (order.point()) {
            case WRITING -> killWhileWriting(order);
            case COMMITTED -> killWhileRestockMarksItSaved(order);
        }

        return new AfterKill(saveState(order), rows(order).total());
    }

    /** Kills the CLI while its rows are on their way to the table, held there where possible. */
    private void killWhileWriting(LargeOrder order) throws Exception {
        switch (order.target()) {
            case LOCAL -> {
                Process cli = startSave(order);
                awaitTrue(cli, () -> holdsOpen(cli, home.resolve("local.duckdb")));
                kill(cli);
            }
            case POSTGRESQL -> {
                try (java.sql.Connection hold = customerDatabase();
                        Statement statement = hold.createStatement()) {
                    statement.execute("select pg_advisory_lock(" + HOLD_LOCK + ")");
                    Process cli = startSave(order);
                    awaitTrue(cli, () -> blocksAnother(hold, KilledPushIT::customerDatabase));
                    kill(cli);
                }
            }
            case SNOWFLAKE -> {
                FakeSnowflake.HeldAnswer insert = snowflake.holdAnswerMatching("^insert");
                Process cli = startSave(order);
                awaitTrue(cli, insert::reached);
                kill(cli);
                insert.release();
            }
        }
    }

    /**
     * Once the order is saving, locks its row in Restock's database, so that the UPDATE marking
     * it saved waits; kills the CLI when that UPDATE is seen waiting, then lets go of the row.
     */
    private void killWhileRestockMarksItSaved(LargeOrder order) throws Exception {
        Process cli = startSave(order);
        awaitTrue(cli, () -> "saving".equals(saveState(order)));
        try (java.sql.Connection lock = restockDatabase()) {
            lock.setAutoCommit(false);
            try (PreparedStatement select =
                    lock.prepareStatement("select id from stock_orders where id = ? for update")) {
                select.setObject(1, order.id());
                select.executeQuery().close();
            }
            awaitTrue(cli, () -> blocksAnother(lock, KilledPushIT::restockDatabase));
            kill(cli);
            lock.rollback();
        }
    }

    /** Returns true when the order is saved (and so whole in the table), false when it is not. */
    private static boolean assertSavedWholeOrEditableWithNothingWritten(LargeOrder order) throws SQLException {
        JsonNode shown = show(order);
        Rows rows = rows(order);

        if (shown.get("saveState").asString().equals("saved")) {
            assertThat(shown.get("readOnly").asBoolean()).isTrue();
            assertThat(shown.get("savedTo").asString()).isEqualTo(order.target().connection);
            assertThat(rows).as("%s is saved: whole in the table, once", order).isEqualTo(order.whole());
            return true;
        }
        assertThat(shown.get("saveState").asString()).as(order.toString()).isEqualTo("save_failed");
        assertThat(shown.get("readOnly").asBoolean()).isFalse();
        assertThat(shown.get("lastError").asString()).startsWith("An interrupted save of " + order.reference());
        assertThat(rows).as("%s is not saved: nothing in the table", order).isEqualTo(new Rows(0, 0));
        return false;
    }

    private static void assertSavingAgainIsRefused(LargeOrder order) throws SQLException {
        JsonNode out = JSON.readTree(run(1, saveCommand(order)));
        String connection = order.target().connection;

        assertThat(out.at("/errors/0/message").asString())
                .startsWith("Order " + order.reference() + " is already saved to connection '" + connection + "'");
        assertThat(rows(order)).as("%s still once in the table", order).isEqualTo(order.whole());
    }

    private static void assertSavingAgainWritesItOnce(LargeOrder order) throws SQLException {
        JsonNode saved = JSON.readTree(run(0, saveCommand(order)));
        JsonNode shown = show(order);

        assertThat(saved.get("rows").asLong()).isEqualTo(order.lines());
        assertThat(shown.get("saveState").asString()).as(order.toString()).isEqualTo("saved");
        assertThat(shown.get("readOnly").asBoolean()).isTrue();
        assertThat(shown.get("savedTo").asString()).isEqualTo(order.target().connection);
        assertThat(shown.get("table").asString()).isEqualTo(TABLE);
        assertThat(shown.get("lineCount").asInt()).isEqualTo(order.lines());
        assertThat(shown.get("lines")).hasSize(order.lines());
        assertThat(rows(order)).as("%s saved once", order).isEqualTo(order.whole());
    }

    /** {@code orders save} of the order to its connection, printing JSON. */
    private static String[] saveCommand(LargeOrder order) {
        return List.of("orders", "save", order.reference(), "--to", order.target().connection, "--format", "json")
                .toArray(String[]::new);
    }

    private static JsonNode show(LargeOrder order) {
        return JSON.readTree(run(0, "orders", "show", order.reference(), "--format", "json"));
    }

    // The CLI: the JVMs killed and the one that recovers are its own; the rest runs in this one.

    private Process startSave(LargeOrder order) throws IOException {
        return startCli(order.target() + "-" + order.point(), saveCommand(order));
    }

    private Process startCli(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                // A command lasts seconds: with C1 alone it starts sooner on a small machine.
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--home",
                home.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(folder.resolve(name + ".out").toFile())
                .redirectError(folder.resolve(name + ".err").toFile())
                .start();
        started.add(process);
        return process;
    }

    /** Runs a command in a JVM of its own to its end and returns what it printed. */
    private String runCli(String name, int expectedExitCode, String... args) throws Exception {
        Process cli = startCli(name, args);

        assertThat(cli.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("the CLI exits")
                .isTrue();
        assertThat(cli.exitValue())
                .as(() -> readQuietly(folder.resolve(name + ".err")))
                .isEqualTo(expectedExitCode);
        return Files.readString(folder.resolve(name + ".out"));
    }

    /** Runs a command in this JVM and returns what it printed. */
    private static String run(int expectedExitCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        List<String> withHome = new ArrayList<>(List.of("--home", home.toString()));
        withHome.addAll(List.of(args));

        assertThat(command.execute(withHome.toArray(String[]::new)))
                .as(err::toString)
                .isEqualTo(expectedExitCode);
        return out.toString();
    }

    /** SIGKILL: no shutdown hook, no rollback, no goodbye to any server. */
    private static void kill(Process cli) throws InterruptedException {
        cli.destroyForcibly();

        assertThat(cli.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as("killed, not ended by itself").isEqualTo(128 + 9);
    }

    private static void awaitTrue(Process cli, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(cli.isAlive()).as("the CLI still runs").isTrue();
            assertThat(System.nanoTime()).as("the push got there in time").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    // What the test sees from outside the CLI.

    /** True when the process has {@code file} open (Linux: a link in /proc/PID/fd). */
    private static boolean holdsOpen(Process process, Path file) {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            return descriptors.anyMatch(descriptor -> {
                try {
                    return Files.readSymbolicLink(descriptor).equals(file);
                } catch (IOException closedMeanwhile) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface Database {
        java.sql.Connection open() throws SQLException;
    }

    /** True when a session of the server waits for a lock that {@code holder}'s session holds. */
    private static boolean blocksAnother(java.sql.Connection holder, Database server) {
        // Asked on a connection of its own: within a transaction, pg_stat_activity stays as it was.
        try (java.sql.Connection watcher = server.open();
                PreparedStatement blocked = watcher.prepareStatement(
                        "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")) {
            blocked.setInt(1, holder.unwrap(PGConnection.class).getBackendPID());
            try (ResultSet result = blocked.executeQuery()) {
                result.next();
                return result.getInt(1) > 0;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** The order's save state, or null while Restock's PostgreSQL is not up. */
    private static String saveState(LargeOrder order) {
        try (java.sql.Connection restock = restockDatabase();
                PreparedStatement select =
                        restock.prepareStatement("select save_state from stock_orders where id = ?")) {
            select.setObject(1, order.id());
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException notUpYet) {
            return null;
        }
    }

    private static Rows rows(LargeOrder order) throws SQLException {
        try (java.sql.Connection connection = openTarget(order.target());
                PreparedStatement count = connection.prepareStatement("select count(*),"
                        + " count(distinct \"LINE_ITEM_ID\") from \"" + TABLE + "\" where \"ID\" = ?")) {
            count.setString(1, order.id().toString());
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return new Rows(result.getLong(1), result.getLong(2));
            }
        }
    }

    private static java.sql.Connection openTarget(Target target) throws SQLException {
        return switch (target) {
            case LOCAL -> {
                // Read-only: the CLI that runs next finds the file as the killed one left it.
                Properties readOnly = new Properties();
                readOnly.setProperty("duckdb.read_only", "true");
                yield DriverManager.getConnection("jdbc:duckdb:" + home.resolve("local.duckdb"), readOnly);
            }
            case POSTGRESQL -> customerDatabase();
            case SNOWFLAKE -> ((DuckDBConnection) snowflake.duckdb()).duplicate();
        };
    }

    private static java.sql.Connection restockDatabase() throws SQLException {
        Optional<Integer> port = HomeProcesses.port(home);
        if (port.isEmpty()) {
            throw new SQLException("Restock's PostgreSQL has not written its port yet");
        }
        String url = "jdbc:postgresql://localhost:" + port.get() + "/restock";
        return DriverManager.getConnection(url, "postgres", null);
    }

    private static java.sql.Connection customerDatabase() throws SQLException {
        return customerPostgres.getPostgresDatabase().getConnection();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }

    // The setup: connections, the customer's tables, and the orders.

    private static Connection postgresConnection() {
        return new Connection(
                Target.POSTGRESQL.connection,
                ConnectionKind.POSTGRESQL,
                customerPostgres.getJdbcUrl("postgres", "postgres"),
                "postgres",
                null,
                null,
                null,
                false);
    }

    /**
     * The fake's own connection properties, without the timeouts that bound a dropped connection
     * in its tests: an INSERT of thousands of rows may take the fake longer than they allow.
     */
    private static Connection snowflakeConnection() throws IOException {
        Path password = Files.writeString(folder.resolve("snowflake-password"), FakeSnowflake.PASSWORD + "\n");
        Map<String, String> properties = new HashMap<>();
        snowflake.connectionProperties().forEach((key, value) -> properties.put((String) key, (String) value));
        properties.keySet().removeAll(List.of("user", "password", "networkTimeout", "maxHttpRetries"));
        return new Connection(
                Target.SNOWFLAKE.connection,
                ConnectionKind.SNOWFLAKE,
                snowflake.jdbcUrl(),
                FakeSnowflake.USER,
                SecretReference.file(password),
                properties,
                null,
                false);
    }

    /**
     * A trigger on the customer's PostgreSQL table: the row of the middle line waits for an
     * advisory lock, so that while the test holds it a push stops half-way through its COPY.
     */
    private static void holdCopiesOfTheMiddleLineOnTheAdvisoryLock() throws SQLException {
        try (java.sql.Connection customer = customerDatabase();
                Statement statement = customer.createStatement()) {
            statement.execute("""
                    create function hold_middle_line() returns trigger language plpgsql as $$
                    begin
                        if new."LINE_ITEM_ID" = '%d' then
                            perform pg_advisory_xact_lock_shared(%d);
                        end if;
                        return new;
                    end $$""".formatted(Target.POSTGRESQL.lines / 2, HOLD_LOCK));
            statement.execute("create trigger hold_middle_line before insert on \"" + TABLE + "\""
                    + " for each row execute function hold_middle_line()");
        }
    }

    /**
     * Large purchase orders: the header through {@link StockOrders}, the lines with one INSERT ...
     * SELECT, since adding 50,000 lines one by one (three statements each) would take minutes.
     */
    private static final class LargeOrders {

        private static final int VARIANTS = 1_000;

        private final StockOrders orders;
        private final JdbcClient jdbc;
        private final long warehouse;
        private final long vendor;

        LargeOrders(StockOrders orders, JdbcClient jdbc) {
            this.orders = orders;
            this.jdbc = jdbc;
            OrderFixtures fixtures = new OrderFixtures(jdbc);
            this.warehouse = fixtures.warehouse("MAIN");
            this.vendor = fixtures.vendor("ACME");
            jdbc.sql("insert into variants (sku, title) select 'SKU-' || n, 'Item ' || n"
                            + " from generate_series(1, ?) n")
                    .param(VARIANTS)
                    .update();
        }

        LargeOrder create(Target target, KillPoint point) {
            StockOrder order =
                    orders.create(NewStockOrder.purchase(warehouse, vendor, "EUR"), Actor.user("killed-push-it"));
            jdbc.sql("""
                    insert into stock_order_lines (order_id, line_item_id, variant_id, sku, title, barcode,
                                                   replenishment, cost_price)
                    select ?, n::text, v.id, v.sku, v.title, v.barcode, 1 + n % 12, 2.5
                    from generate_series(1, ?) n join variants v on v.sku = 'SKU-' || (1 + n % ?)
                    """).params(order.id(), target.lines, VARIANTS).update();
            jdbc.sql("update stock_orders set last_line_item_id = ? where id = ?")
                    .params(target.lines, order.id())
                    .update();
            return new LargeOrder(order.id(), order.reference(), target, point);
        }
    }
}
