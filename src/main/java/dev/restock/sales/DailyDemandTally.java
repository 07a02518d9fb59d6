package dev.restock.sales;

import dev.restock.ingest.SalesLinesListener;
import dev.restock.store.CopyWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same daily demand as {@link DailyDemand#rebuild()}, tallied in memory while an importer
 * streams lines past, for the bulk load of a first import: it saves a second pass over every
 * sales line. The rules must stay those of the SQL; a test holds the two side by side.
 *
 * <p>Lines mostly come in time order, so the tally of the current day is a small map that stays
 * in the processor's cache; when another day starts, its rows are set aside, and rows of a day
 * that came back later are merged when the rows are sorted.
 *
 * <p>Not thread-safe: fed by the importing thread. Once {@link #allLinesSeen} is called, a thread
 * of its own sorts and encodes the rows while the importer goes on; {@link #replaceTables} then
 * only sends them.
 */
public final class DailyDemandTally implements SalesLinesListener.LineWatcher {

    private static final Logger log = LoggerFactory.getLogger(DailyDemandTally.class);
    private static final String COLUMNS = "variant_id, warehouse_id, day, sold, returned, revenue, sale_lines";

    private record VariantWarehouse(long variantId, long warehouseId) {}

    /** A row of {@code daily_demand}; the day as an epoch day. */
    private record Row(long variantId, long warehouseId, long epochDay, Day day) {}

    private static final Comparator<Row> KEY_ORDER = (a, b) -> {
        int order = Long.compare(a.variantId(), b.variantId());
        if (order == 0) {
            order = Long.compare(a.warehouseId(), b.warehouseId());
        }
        return order != 0 ? order : Long.compare(a.epochDay(), b.epochDay());
    };

    private static final class Day {
        BigDecimal sold = BigDecimal.ZERO;
        BigDecimal returned = BigDecimal.ZERO;
        BigDecimal revenue = BigDecimal.ZERO;
        int saleLines;

        void add(Day other) {
            sold = sold.add(other.sold);
            returned = returned.add(other.returned);
            revenue = revenue.add(other.revenue);
            saleLines += other.saleLines;
        }
    }

    /** The tally's rows encoded for {@code COPY daily_demand}, how many, and its days in order. */
    private record Encoded(CopyWriter rows, int count, long[] epochDays) {}

    private final List<Row> setAside = new ArrayList<>(1 << 16);
    private Map<VariantWarehouse, Day> today = new HashMap<>();
    private long todayEpochDay;
    private CompletableFuture<Encoded> encoded;

    /**
     * Counts one line. {@code day} is its calendar date in the warehouse's time zone; kinds are
     * those of {@code sales_lines.kind}.
     */
    @Override
    public void line(
            long variantId, long warehouseId, LocalDate day, String kind, BigDecimal quantity, BigDecimal unitPrice) {
        if (encoded != null) {
            throw new IllegalStateException("a line after all lines were seen");
        }
        long epochDay = day.toEpochDay();
        if (epochDay != todayEpochDay) {
            setTodayAside();
            todayEpochDay = epochDay;
        }
        Day tally = today.computeIfAbsent(new VariantWarehouse(variantId, warehouseId), key -> new Day());
        if (kind.equals("sale")) {
            tally.sold = tally.sold.add(quantity);
            tally.saleLines++;
        } else if (quantity.signum() < 0) {
            tally.returned = tally.returned.subtract(quantity);
        }
        if (!kind.equals("adjustment") && unitPrice != null) {
            tally.revenue = tally.revenue.add(quantity.multiply(unitPrice));
        }
    }

    private void setTodayAside() {
        today.forEach((key, day) -> setAside.add(new Row(key.variantId(), key.warehouseId(), todayEpochDay, day)));
        today = new HashMap<>(Math.max(16, today.size() * 2));
    }

    /**
     * No more lines come: sorting and encoding the rows start on a thread of their own, so they
     * overlap with what the importer still writes (catalog, the key of {@code sales_lines}).
     */
    @Override
    public void allLinesSeen() {
        if (encoded == null) {
            setTodayAside();
            encoded = CompletableFuture.supplyAsync(
                    this::encode,
                    task -> Thread.ofPlatform()
                            .name("restock-demand-encoder")
                            .daemon()
                            .start(task));
        }
    }

    /**
     * Rows in primary key order, so that the key is built from sorted rows, each key once; the
     * days in order. Touches no database, so an import that fails meanwhile loses nothing but
     * this thread's work.
     */
    private Encoded encode() {
        long started = System.nanoTime();
        setAside.sort(KEY_ORDER);
        CopyWriter rows = CopyWriter.inMemory(7);
        long[] epochDays = new long[setAside.size()];
        int count = 0;
        try {
            for (int i = 0; i < setAside.size(); ) {
                Row row = setAside.get(i++);
                Day day = row.day();
                while (i < setAside.size() && KEY_ORDER.compare(row, setAside.get(i)) == 0) {
                    day.add(setAside.get(i++).day()); // the day came back after another one
                }
                rows.bigint(row.variantId())
                        .bigint(row.warehouseId())
                        .date(LocalDate.ofEpochDay(row.epochDay()))
                        .numeric(day.sold)
                        .numeric(day.returned)
                        .numeric(day.revenue)
                        .integer(day.saleLines);
                rows.endRow();
                epochDays[count++] = row.epochDay();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("encoding in memory talks to no server", e);
        }
        log.debug("Sorted and encoded {} demand rows in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        return new Encoded(
                rows,
                count,
                Arrays.stream(epochDays, 0, count).sorted().distinct().toArray());
    }

    private Encoded encoded() {
        allLinesSeen();
        try {
            return encoded.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The days with at least one line, in order, as epoch days: the days of {@code daily_demand}
     * once {@link #replaceTables} wrote it.
     */
    public long[] epochDays() {
        return encoded().epochDays().clone();
    }

    /**
     * Replaces {@code daily_demand} with this tally, inside the caller's transaction; then write
     * the trading days of {@link #epochDays}. Returns the rows written.
     */
    public int replaceTables(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            // Truncate, not delete: in a bulk load PostgreSQL can then skip WAL for the COPY. The key
            // is built once afterwards, from sorted rows, as for sales_lines.
            statement.execute("truncate daily_demand");
            statement.execute("alter table daily_demand drop constraint daily_demand_pkey");
        }
        long waiting = System.nanoTime();
        Encoded rows = encoded();
        long copying = System.nanoTime();
        rows.rows().copyInto(connection, "daily_demand", COLUMNS);
        long keying = System.nanoTime();
        try (var statement = connection.createStatement()) {
            statement.execute("alter table daily_demand add constraint daily_demand_pkey"
                    + " primary key (variant_id, warehouse_id, day)");
        }
        log.debug(
                "Demand rows: waited {} ms for the encoding, copied in {} ms, key built in {} ms",
                (copying - waiting) / 1_000_000,
                (keying - copying) / 1_000_000,
                (System.nanoTime() - keying) / 1_000_000);
        return rows.count();
    }
}
