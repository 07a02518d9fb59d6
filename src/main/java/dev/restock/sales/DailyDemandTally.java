package dev.restock.sales;

import dev.restock.ingest.SalesLinesListener;
import dev.restock.store.CopyWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The same daily demand as {@link DailyDemand#rebuild()}, tallied in memory while an importer
 * streams lines past, for the bulk load of a first import: it saves a second pass over every
 * sales line. The rules must stay those of the SQL; a test holds the two side by side.
 *
 * <p>Not thread-safe; fed by the reading thread.
 */
public final class DailyDemandTally implements SalesLinesListener.LineWatcher {

    /** The day as an epoch day: a record of three numbers hashes and compares cheaper than one with a date. */
    private record Key(long variantId, long warehouseId, long epochDay) {}

    private static final Comparator<Key> KEY_ORDER = (a, b) -> {
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
    }

    private final Map<Key, Day> days = new HashMap<>(1 << 16);

    /**
     * Counts one line. {@code day} is its calendar date in the warehouse's time zone; kinds are
     * those of {@code sales_lines.kind}.
     */
    @Override
    public void line(
            long variantId, long warehouseId, LocalDate day, String kind, BigDecimal quantity, BigDecimal unitPrice) {
        Day tally = days.computeIfAbsent(new Key(variantId, warehouseId, day.toEpochDay()), key -> new Day());
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

    /** Rows in primary key order, so the key grows at its right edge instead of splitting pages. */
    private List<Map.Entry<Key, Day>> inKeyOrder() {
        List<Map.Entry<Key, Day>> entries = new ArrayList<>(days.entrySet());
        entries.sort(Map.Entry.comparingByKey(KEY_ORDER));
        return entries;
    }

    /**
     * Replaces {@code daily_demand} with this tally, inside the caller's transaction; then call
     * {@link DailyDemand#refreshTradingDays()}.
     */
    public int replaceTables(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            // Truncate, not delete: in a bulk load PostgreSQL can then skip WAL for the COPY. The key
            // is built once afterwards, from sorted rows, as for sales_lines.
            statement.execute("truncate daily_demand");
            statement.execute("alter table daily_demand drop constraint daily_demand_pkey");
        }
        try (CopyWriter copy = CopyWriter.open(
                connection, "daily_demand", "variant_id, warehouse_id, day, sold, returned, revenue, sale_lines")) {
            for (var entry : inKeyOrder()) {
                Key key = entry.getKey();
                Day day = entry.getValue();
                copy.bigint(key.variantId())
                        .bigint(key.warehouseId())
                        .date(LocalDate.ofEpochDay(key.epochDay()))
                        .numeric(day.sold)
                        .numeric(day.returned)
                        .numeric(day.revenue)
                        .integer(day.saleLines);
                copy.endRow();
            }
            copy.finish();
        }
        try (var statement = connection.createStatement()) {
            statement.execute("alter table daily_demand add constraint daily_demand_pkey"
                    + " primary key (variant_id, warehouse_id, day)");
        }
        return days.size();
    }
}
