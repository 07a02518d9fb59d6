package dev.restock.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups demand rows, in any order, into one {@link StoredSeries} per live variant and warehouse:
 * net demand as {@link DemandSeries#ofSales} has it (sold less returned, never below 0), on the
 * days that have any, from the series' first such day. The rows of a series mostly come one after
 * another, so the series of the last row is at hand without a look-up. Not thread-safe.
 */
final class StoredSeriesCollector implements DemandCopyRows.Sink {

    /** Heap of a series apart from its days: the record, its key and its two arrays' headers. */
    private static final long SERIES_BYTES = 96;

    /** Bytes per stored day: a {@code char} offset and a {@code double}. */
    private static final long DAY_BYTES = 10;

    /** Stands for a series that is not read: a removed variant or warehouse. */
    private static final Days SKIPPED = new Days();

    private final long endDay;
    private final long baseDay;
    private final Map<Long, String> skus;
    private final Map<Long, String> warehouseCodes;
    private final Map<Long, TradingCalendar> calendars;
    private final long budgetBytes;
    private final Map<Key, Days> series = new HashMap<>();
    private long bytes;
    private boolean overBudget;
    private long lastVariantId = -1;
    private long lastWarehouseId = -1;
    private Days last = SKIPPED;

    /**
     * @param end the day after the last trading day, where every series ends
     * @param skus the live variants' SKUs by id; rows of any other variant are left out
     * @param warehouseCodes the live warehouses' codes by id; rows of any other are left out
     */
    StoredSeriesCollector(
            LocalDate end,
            Map<Long, String> skus,
            Map<Long, String> warehouseCodes,
            Map<Long, TradingCalendar> calendars,
            long budgetBytes) {
        this.endDay = end.toEpochDay();
        // Days are kept as offsets from the earliest day a stored series may start on.
        this.baseDay = endDay - StoredSeries.MAX_LENGTH;
        this.skus = skus;
        this.warehouseCodes = warehouseCodes;
        this.calendars = calendars;
        this.budgetBytes = budgetBytes;
    }

    @Override
    public void row(long variantId, long warehouseId, long epochDay, double sold, double returned) {
        if (overBudget) {
            return;
        }
        double demand = returned > 0 ? Math.max(0, sold - Math.max(0, returned)) : sold;
        if (!(demand > 0)) {
            return;
        }
        Days days = series(variantId, warehouseId);
        if (days == SKIPPED) {
            return;
        }
        if (epochDay < baseDay || epochDay >= endDay) {
            // Longer than the stored form holds (a day after the end is never asked for).
            stop();
            return;
        }
        grow(days.add((char) (epochDay - baseDay), demand));
    }

    /** The stored series in variant and warehouse order; empty when they passed the budget. */
    Optional<List<StoredSeries>> finish() {
        if (overBudget) {
            series.clear();
            return Optional.empty();
        }
        List<StoredSeries> stored = new ArrayList<>(series.size());
        for (Map.Entry<Key, Days> entry : series.entrySet()) {
            if (entry.getValue() != SKIPPED) {
                stored.add(build(entry.getKey(), entry.getValue()));
                entry.setValue(SKIPPED);
            }
        }
        series.clear();
        stored.sort(StoredSeries::compareKeys);
        return Optional.of(stored);
    }

    private Days series(long variantId, long warehouseId) {
        if (variantId == lastVariantId && warehouseId == lastWarehouseId) {
            return last;
        }
        lastVariantId = variantId;
        lastWarehouseId = warehouseId;
        last = series.computeIfAbsent(new Key(variantId, warehouseId), this::start);
        return last;
    }

    private Days start(Key key) {
        if (!skus.containsKey(key.variantId()) || !warehouseCodes.containsKey(key.warehouseId())) {
            return SKIPPED;
        }
        grow(SERIES_BYTES + Days.INITIAL_CAPACITY * DAY_BYTES);
        return new Days();
    }

    private void grow(long addedBytes) {
        bytes += addedBytes;
        if (bytes > budgetBytes) {
            stop();
        }
    }

    /** The series will not all fit: the rest of the rows are ignored, and none is kept. */
    private void stop() {
        overBudget = true;
    }

    private StoredSeries build(Key key, Days days) {
        days.sortAndTrim();
        char first = days.offsets[0];
        for (int index = 0; index < days.offsets.length; index++) {
            days.offsets[index] -= first;
        }
        LocalDate firstDay = LocalDate.ofEpochDay(baseDay + first);
        int length = (int) (endDay - firstDay.toEpochDay());
        TradingCalendar calendar =
                calendars.getOrDefault(key.warehouseId(), TradingCalendar.everyDay(firstDay, length));
        return new StoredSeries(
                key.variantId(),
                skus.get(key.variantId()),
                key.warehouseId(),
                warehouseCodes.get(key.warehouseId()),
                firstDay,
                length,
                days.offsets,
                days.demand,
                calendar);
    }

    private record Key(long variantId, long warehouseId) {}

    /** The days of one series with demand, as read: growable, in order unless rows came out of it. */
    private static final class Days {

        static final int INITIAL_CAPACITY = 8;

        private char[] offsets = new char[INITIAL_CAPACITY];
        private double[] demand = new double[INITIAL_CAPACITY];
        private int size;
        private boolean sorted = true;

        /** Adds a day and returns the bytes the arrays grew by. */
        long add(char offset, double units) {
            long grown = 0;
            if (size == offsets.length) {
                int capacity = size + (size >> 1);
                offsets = Arrays.copyOf(offsets, capacity);
                demand = Arrays.copyOf(demand, capacity);
                grown = (capacity - size) * DAY_BYTES;
            }
            sorted &= size == 0 || offsets[size - 1] < offset;
            offsets[size] = offset;
            demand[size++] = units;
            return grown;
        }

        void sortAndTrim() {
            if (!sorted) {
                long[] byDay = new long[size];
                for (int index = 0; index < size; index++) {
                    byDay[index] = ((long) offsets[index] << 32) | index;
                }
                Arrays.sort(byDay);
                char[] sortedOffsets = new char[size];
                double[] sortedDemand = new double[size];
                for (int index = 0; index < size; index++) {
                    sortedOffsets[index] = (char) (byDay[index] >>> 32);
                    sortedDemand[index] = demand[(int) byDay[index]];
                }
                offsets = sortedOffsets;
                demand = sortedDemand;
            } else if (size < offsets.length) {
                offsets = Arrays.copyOf(offsets, size);
                demand = Arrays.copyOf(demand, size);
            }
        }
    }
}
