package dev.restock.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.restock.connections.Connection;
import dev.restock.connections.ConnectionDdl;
import dev.restock.connections.ConnectionKind;
import dev.restock.connections.Connections;
import dev.restock.connections.ContractColumn;
import dev.restock.connections.OrderPusher;
import dev.restock.connections.OrderSync;
import dev.restock.connections.SyncResult;
import dev.restock.orders.Actor;
import dev.restock.orders.OrderFixtures;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Push and sync against DuckDB and PostgreSQL, each beside the database's own bulk path in the
 * same run.
 *
 * <ul>
 *   <li>push of one order of 10, 1,000 and 100,000 lines ({@code OrderPusher.push}: Restock's
 *       bookkeeping, reading the lines, delete + INSERT + commit + count on the connection)
 *       against loading the same rows with DuckDB's Appender or PostgreSQL's COPY into a table of
 *       the same DDL. Targets: 1,000 lines under 0.3 s; 100,000 lines within 3 times the bulk
 *       path.
 *   <li>sync pass over 10,000 saved orders of 20 lines with 1% of the rows changed downstream,
 *       against a plain SELECT of the same 200,000 rows. Target: within 3 times the SELECT.
 * </ul>
 *
 * <p>Run with {@code bench/run push-sync [push] [sync] [duckdb] [postgresql]}: the parts and
 * targets named, or all of them. {@code -Drestock.bench.sync-runs=N} for more sync runs.
 */
public final class PushSyncBenchmark {

    private static final int RUNS = 3;
    /** A sync pass over 10,000 orders takes long on a loaded machine: one run each by default. */
    private static final int SYNC_RUNS = Integer.getInteger("restock.bench.sync-runs", 1);
    private static final Actor BENCH = Actor.user("bench");
    private static final String TABLE = "PURCHASE_ORDERS";
    private static final String BULK_TABLE = "BULK_ORDERS";
    private static final int SYNC_ORDERS = 10_000;
    private static final int SYNC_LINES = 20;

    private final JdbcClient jdbc;
    private final OrderPusher pusher;
    private final OrderSync sync;
    private final Connections connections;
    private final long warehouse;
    private final long vendor;
    private final long variant;
    private int orders;

    private PushSyncBenchmark(org.springframework.context.ApplicationContext restock) {
        this.jdbc = restock.getBean(JdbcClient.class);
        this.pusher = restock.getBean(OrderPusher.class);
        this.sync = restock.getBean(OrderSync.class);
        this.connections = restock.getBean(Connections.class);
        OrderFixtures fixtures = new OrderFixtures(jdbc);
        this.warehouse = fixtures.warehouse("MAIN");
        this.vendor = fixtures.vendor("ACME");
        this.variant = fixtures.variant("SKU-1", "Mug «Bleu»", "4006381333931");
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = Arrays.stream(args).filter(arg -> arg.equals("push") || arg.equals("sync")).toList();
        boolean withSync = parts.isEmpty() || parts.contains("sync");
        boolean withPush = parts.isEmpty() || parts.contains("push");
        try (var restock = BenchSupport.startRestock()) {
            PushSyncBenchmark bench = new PushSyncBenchmark(restock);
            Path folder = Files.createTempDirectory("restock-bench-duckdb-");
            String postgresUrl = postgresUrl(restock.getBean(DataSource.class));
            bench.jdbc.sql("create schema bench_target").update();
            List<Connection> targets = List.of(
                    new Connection("duckdb", ConnectionKind.DUCKDB, "jdbc:duckdb:" + folder.resolve("target.duckdb"),
                            null, null, null, null, false),
                    new Connection("postgresql", ConnectionKind.POSTGRESQL, postgresUrl, "postgres", null, null, null,
                            false));
            List<String> only = Arrays.stream(args).filter(arg -> arg.equals("duckdb") || arg.equals("postgresql"))
                    .toList();
            targets = targets.stream().filter(target -> only.isEmpty() || only.contains(target.name())).toList();
            for (Connection target : targets) {
                bench.connections.save(target);
                restock.getBean(ConnectionDdl.class).apply(target.name());
                execute(target, target.dialect().createTable(BULK_TABLE));
            }
            List<String> summary = new ArrayList<>();
            if (withPush) {
                for (Connection target : targets) {
                    for (int lines : new int[] {10, 1_000, 100_000}) {
                        summary.add(bench.push(target, lines));
                    }
                }
            }
            if (withSync) {
                for (Connection target : targets) {
                    summary.addAll(bench.sync(target));
                }
            }
            System.out.println();
            summary.forEach(System.out::println);
        }
    }

    private String push(Connection target, int lines) throws Exception {
        System.out.printf("%s: bulk path, %,d rows%n", target.name(), lines);
        List<Object[]> rows = rows(UUID.randomUUID(), lines);
        double bulk = BenchSupport.medianSeconds(RUNS, () -> clear(target, BULK_TABLE), () -> {
            bulkLoad(target, rows);
            return null;
        });
        System.out.printf("%s: push of an order of %,d lines%n", target.name(), lines);
        UUID[] order = new UUID[1];
        double push = BenchSupport.medianSeconds(
                RUNS,
                () -> order[0] = draft(lines),
                () -> pusher.push(order[0], target.name(), BENCH));
        clear(target, TABLE);
        return String.format(
                "push %-10s %,7d lines  %.3f s   bulk path %.3f s   ratio %.2f%s   load %s",
                target.name(),
                lines,
                push,
                bulk,
                push / bulk,
                lines == 1_000 ? "   (target < 0.3 s)" : "",
                BenchSupport.loadAverage());
    }

    private List<String> sync(Connection target) throws Exception {
        System.out.printf("%s: %,d saved orders of %d lines%n", target.name(), SYNC_ORDERS, SYNC_LINES);
        clear(target, TABLE);
        jdbc.sql("delete from stock_orders where saved_to = ?").param(target.name()).update();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < SYNC_ORDERS; i++) {
            ids.add(UUID.randomUUID());
        }
        List<Object[]> rows = new ArrayList<>();
        for (UUID id : ids) {
            rows.addAll(rows(id, SYNC_LINES));
        }
        savedOrders(target.name(), ids);
        bulkLoadInto(target, TABLE, rows);
        String columns = Arrays.stream(ContractColumn.values())
                .map(column -> target.dialect().quote(column.name()))
                .collect(Collectors.joining(", "));
        String select = "select " + columns + " from " + target.dialect().quoteTable(TABLE);

        System.out.printf("%s: plain SELECT of the %,d rows%n", target.name(), rows.size());
        double selectSeconds = BenchSupport.medianSeconds(SYNC_RUNS, () -> {}, () -> selectAll(target, select));
        System.out.printf("%s: sync pass (full), 1%% of rows changed before each run%n", target.name());
        SyncResult[] result = new SyncResult[1];
        double full = BenchSupport.medianSeconds(
                SYNC_RUNS, () -> changeOnePercent(target), () -> result[0] = sync.sync(target.name()));
        int changed = result[0].ordersChanged();
        String fullLoad = BenchSupport.loadAverage();

        connections.save(target.withUpdatedAtMaintained(true));
        sync.sync(target.name());
        System.out.printf("%s: sync pass by UPDATED_AT cursor, 1%% of rows changed before each run%n", target.name());
        double cursor = BenchSupport.medianSeconds(
                SYNC_RUNS, () -> changeOnePercent(target), () -> result[0] = sync.sync(target.name()));
        connections.save(target);
        return List.of(
                String.format(
                        "sync %-10s full pass     %.3f s   SELECT %.3f s   ratio %.2f   (%,d orders changed)   load %s",
                        target.name(), full, selectSeconds, full / selectSeconds, changed, fullLoad),
                String.format(
                        "sync %-10s by cursor     %.3f s   SELECT %.3f s   ratio %.2f   (%,d orders read)   load %s",
                        target.name(),
                        cursor,
                        selectSeconds,
                        cursor / selectSeconds,
                        result[0].ordersChecked(),
                        BenchSupport.loadAverage()));
    }

    /** A draft purchase order with {@code lines} lines, written straight into Restock's tables. */
    private UUID draft(int lines) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into stock_orders (id, reference, type, status, warehouse_id, vendor_id, currency, created_at,
                                          expected_date)
                values (?, ?, 'po', 'DRAFT', ?, ?, 'EUR', now(), date '2027-01-31')
                """).params(id, "BENCH-" + ++orders, warehouse, vendor).update();
        jdbc.sql("""
                insert into stock_order_lines (order_id, line_item_id, variant_id, sku, title, barcode, replenishment,
                                               cost_price)
                select ?, n::text, ?, 'SKU-1', 'Mug «Bleu»', '4006381333931', 12.345678, 3.5
                from generate_series(1, ?) n
                """).params(id, variant, lines).update();
        return id;
    }

    /**
     * Orders saved to {@code connection} as a push would leave them, without pushing each; saved
     * a day ago, so that a pass by cursor does not read them as newly saved.
     */
    private void savedOrders(String connection, List<UUID> ids) {
        for (UUID id : ids) {
            jdbc.sql("""
                    insert into stock_orders (id, reference, type, status, warehouse_id, vendor_id, currency,
                                              created_at, expected_date, save_state, saved_to, saved_at)
                    values (?, ?, 'po', 'OPEN', ?, ?, 'EUR', now(), date '2027-01-31', 'saved', ?,
                            now() - interval '1 day')
                    """).params(id, "BENCH-" + ++orders, warehouse, vendor, connection).update();
        }
        jdbc.sql("""
                insert into stock_order_lines (order_id, line_item_id, variant_id, sku, title, barcode, replenishment,
                                               cost_price)
                select o.id, n::text, ?, 'SKU-1', 'Mug «Bleu»', '4006381333931', 12.345678, 3.5
                from stock_orders o cross join generate_series(1, ?) n where o.saved_to = ?
                """).params(variant, SYNC_LINES, connection).update();
    }

    /**
     * The contract rows of one order, in contract column order, as a push writes them; created and
     * updated a day ago, so that only the rows a run changes are within a cursor's overlap window.
     */
    private static List<Object[]> rows(UUID id, int lines) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).minusDays(1);
        List<Object[]> rows = new ArrayList<>(lines);
        for (int line = 1; line <= lines; line++) {
            rows.add(new Object[] {
                id.toString(), "BENCH", "po", "OPEN", "MAIN", "ACME", null, "EUR", now, LocalDate.of(2027, 1, 31),
                Integer.toString(line), "1", "SKU-1", "4006381333931", "Mug «Bleu»", new BigDecimal("12.345678"),
                BigDecimal.ZERO, null, new BigDecimal("3.5"), false, now, null
            });
        }
        return rows;
    }

    private static void bulkLoad(Connection target, List<Object[]> rows) throws Exception {
        bulkLoadInto(target, BULK_TABLE, rows);
    }

    /** DuckDB's Appender or PostgreSQL's COPY: each database's fastest way in. */
    private static void bulkLoadInto(Connection target, String table, List<Object[]> rows) throws Exception {
        try (java.sql.Connection jdbc = open(target)) {
            if (target.kind() == ConnectionKind.DUCKDB) {
                try (DuckDBAppender appender = jdbc.unwrap(DuckDBConnection.class).createAppender("main", table)) {
                    for (Object[] row : rows) {
                        appender.beginRow();
                        for (Object value : row) {
                            appendValue(appender, value);
                        }
                        appender.endRow();
                    }
                }
            } else {
                StringBuilder csv = new StringBuilder();
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            csv.append(',');
                        }
                        if (row[i] != null) {
                            csv.append('"').append(row[i].toString().replace("\"", "\"\"")).append('"');
                        }
                    }
                    csv.append('\n');
                }
                jdbc.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy \"" + table + "\" from stdin (format csv)", new StringReader(csv.toString()));
            }
        }
    }

    private static void appendValue(DuckDBAppender appender, Object value) throws SQLException {
        switch (value) {
            case null -> appender.appendNull();
            case String text -> appender.append(text);
            case BigDecimal decimal -> appender.append(decimal.setScale(6));
            case Boolean flag -> appender.append(flag);
            case LocalDateTime time -> appender.append(time);
            case LocalDate date -> appender.append(date);
            default -> throw new IllegalArgumentException(value.getClass().toString());
        }
    }

    private static long selectAll(Connection target, String select) throws SQLException {
        long values = 0;
        try (java.sql.Connection jdbc = open(target);
                Statement statement = jdbc.createStatement();
                ResultSet rs = statement.executeQuery(select)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    values += rs.getObject(i) == null ? 0 : 1;
                }
            }
        }
        return values;
    }

    /** A downstream system receiving about 1% of the rows, UPDATED_AT moved on. */
    private static void changeOnePercent(Connection target) {
        try (java.sql.Connection jdbc = open(target);
                PreparedStatement update = jdbc.prepareStatement("update " + target.dialect().quoteTable(TABLE)
                        + " set \"RECEIVED\" = \"RECEIVED\" + 1, \"UPDATED_AT\" = ? where random() < 0.01")) {
            update.setObject(1, LocalDateTime.now(ZoneOffset.UTC));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void clear(Connection target, String table) {
        try {
            execute(target, "delete from " + target.dialect().quoteTable(table));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(Connection target, String sql) throws SQLException {
        try (java.sql.Connection jdbc = open(target);
                Statement statement = jdbc.createStatement()) {
            statement.execute(sql);
        }
    }

    private static java.sql.Connection open(Connection target) throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.user(), null);
    }

    private static String postgresUrl(DataSource dataSource) throws SQLException {
        String restock = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        return restock + (restock.contains("?") ? "&" : "?") + "currentSchema=bench_target";
    }
}
