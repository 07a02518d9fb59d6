package dev.restock.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the demand series of every variant and warehouse from {@code daily_demand}, with each
 * warehouse's {@code trading_days} as its calendar, in one query ordered by variant, warehouse and
 * day that streams through a cursor instead of holding the table in memory. A series starts on
 * the variant's first day of net demand in the warehouse (before it, the variant was not on sale
 * there) and ends on the last day any warehouse traded, so all forecasts start the same day.
 * Removed variants and warehouses are left out. Thread-safe.
 */
@Component
public class DemandHistory {

    private static final int FETCH_SIZE = 10_000;

    /**
     * One row per series with its days (as epoch days) and units sold, and the days with returns
     * and the units returned. Only rows that sold something can carry net demand. The units go
     * over as {@code float8}, the nearest double to the decimal (as the driver's {@code
     * getDouble} gives it), in its shortest text, which is shorter than the column's six places.
     * The arrays are cast to text: once the driver prepares the statement on the server it
     * fetches arrays in binary, and its text of those quotes every element.
     */
    private static final String SERIES_AGGREGATE = """
            select d.variant_id, v.sku, d.warehouse_id, d.days, d.sold, d.returned_days, d.returned
            from (
                select variant_id, warehouse_id,
                    array_agg(day - date '1970-01-01')::text as days,
                    array_agg(sold::float8)::text as sold,
                    (array_agg(day - date '1970-01-01') filter (where returned > 0))::text as returned_days,
                    (array_agg(returned::float8) filter (where returned > 0))::text as returned
                from daily_demand
                where sold > 0 and day <= :lastDay
                group by variant_id, warehouse_id
            ) d
            join variants v on v.id = d.variant_id
            join warehouses w on w.id = d.warehouse_id
            where not v.removed and not w.removed
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    public DemandHistory(DataSource dataSource, PlatformTransactionManager transactions) {
        // PostgreSQL only streams with a fetch size inside a transaction; otherwise it reads all rows.
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    // TODO(#3): this read is ~2/3 of the report (4 to 5 GROUP BYs at 100,000 pairs): the aggregate
    // spills its arrays to disk and every number goes over as text; try a binary COPY grouped here.
    /**
     * Every series in the small stored form, in variant and warehouse order, read with one
     * aggregate over {@code daily_demand} (the database groups the rows of each series into
     * arrays, on its parallel workers, instead of sorting every row); empty when the stored
     * series would take more than {@code budgetBytes} of heap, in which case nothing is kept and
     * {@link #forEach} is the way to read them, one at a time.
     */
    Optional<List<StoredSeries>> readAll(long budgetBytes) {
        return readOnly.execute(status -> {
            LocalDate lastDay = lastTradingDay();
            if (lastDay == null) {
                return Optional.of(List.of());
            }
            // The arrays of every series are held by the aggregate at once; with the default
            // 4 MB it spills them to disk in many small batches.
            jdbc.sql("set local work_mem = '64MB'").update();
            StoredSeriesReader reader =
                    new StoredSeriesReader(lastDay.plusDays(1), calendars(), warehouseCodes(), budgetBytes);
            try {
                jdbc.sql(SERIES_AGGREGATE).param("lastDay", lastDay).query(reader);
            } catch (OverBudget overBudget) {
                return Optional.<List<StoredSeries>>empty();
            }
            return Optional.of(reader.sorted());
        });
    }

    /** Every series, in variant and warehouse order. */
    public List<VariantSeries> loadAll() {
        List<VariantSeries> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    /** Hands every series to {@code consumer}, in variant and warehouse order, one at a time. */
    public void forEach(Consumer<VariantSeries> consumer) {
        readOnly.executeWithoutResult(status -> {
            LocalDate lastDay = lastTradingDay();
            if (lastDay == null) {
                return;
            }
            SeriesBuilder builder = new SeriesBuilder(lastDay.plusDays(1), calendars(), warehouseCodes(), consumer);
            jdbc.sql("""
                    select d.variant_id, v.sku, d.warehouse_id, d.day, d.sold, d.returned
                    from daily_demand d
                    join variants v on v.id = d.variant_id
                    join warehouses w on w.id = d.warehouse_id
                    where not v.removed and not w.removed and d.day <= :lastDay
                    order by d.variant_id, d.warehouse_id, d.day
                    """).param("lastDay", lastDay).query((RowCallbackHandler) row -> builder.add(
                    row.getLong(1),
                    row.getString(2),
                    row.getLong(3),
                    row.getObject(4, LocalDate.class),
                    row.getDouble(5),
                    row.getDouble(6)));
            builder.finish();
        });
    }

    private LocalDate lastTradingDay() {
        return jdbc.sql("select max(day) from trading_days")
                .query(LocalDate.class)
                .optional()
                .orElse(null);
    }

    private Map<Long, TradingCalendar> calendars() {
        Map<Long, List<LocalDate>> days = new HashMap<>();
        jdbc.sql("select warehouse_id, day from trading_days order by warehouse_id, day")
                .query(row -> {
                    days.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                            .add(row.getObject(2, LocalDate.class));
                });
        Map<Long, TradingCalendar> calendars = new HashMap<>();
        days.forEach((warehouse, list) -> calendars.put(warehouse, TradingCalendar.ofDays(list)));
        return calendars;
    }

    private Map<Long, String> warehouseCodes() {
        Map<Long, String> codes = new HashMap<>();
        jdbc.sql("select id, code from warehouses").query(row -> {
            codes.put(row.getLong(1), row.getString(2));
        });
        return codes;
    }

    /** Collects the rows of one variant and warehouse at a time. Not thread-safe. */
    private static final class SeriesBuilder {

        private final LocalDate end;
        private final Map<Long, TradingCalendar> calendars;
        private final Map<Long, String> warehouseCodes;
        private final Consumer<VariantSeries> consumer;
        private final List<LocalDate> days = new ArrayList<>();
        private final List<double[]> soldAndReturned = new ArrayList<>();
        private long variantId = -1;
        private long warehouseId = -1;
        private String sku;

        SeriesBuilder(
                LocalDate end,
                Map<Long, TradingCalendar> calendars,
                Map<Long, String> warehouseCodes,
                Consumer<VariantSeries> consumer) {
            this.end = end;
            this.calendars = calendars;
            this.warehouseCodes = warehouseCodes;
            this.consumer = consumer;
        }

        void add(long variant, String variantSku, long warehouse, LocalDate day, double sold, double returned) {
            if (variant != variantId || warehouse != warehouseId) {
                finish();
                variantId = variant;
                warehouseId = warehouse;
                sku = variantSku;
            }
            days.add(day);
            soldAndReturned.add(new double[] {sold, returned});
        }

        void finish() {
            int first = firstDayWithDemand();
            if (first >= 0) {
                consumer.accept(build(first));
            }
            days.clear();
            soldAndReturned.clear();
        }

        private int firstDayWithDemand() {
            for (int index = 0; index < days.size(); index++) {
                double[] values = soldAndReturned.get(index);
                if (values[0] - Math.max(0, values[1]) > 0) {
                    return index;
                }
            }
            return -1;
        }

        private VariantSeries build(int firstIndex) {
            LocalDate first = days.get(firstIndex);
            int length = (int) ChronoUnit.DAYS.between(first, end);
            double[] sold = new double[length];
            double[] returned = new double[length];
            for (int index = firstIndex; index < days.size(); index++) {
                int day = (int) ChronoUnit.DAYS.between(first, days.get(index));
                sold[day] = soldAndReturned.get(index)[0];
                returned[day] = soldAndReturned.get(index)[1];
            }
            TradingCalendar calendar = calendars.getOrDefault(warehouseId, TradingCalendar.everyDay(first, length));
            DemandSeries series = DemandSeries.ofSales(first, sold, returned, calendar);
            String warehouse = warehouseCodes.getOrDefault(warehouseId, String.valueOf(warehouseId));
            return new VariantSeries(variantId, sku, warehouseId, warehouse, series);
        }
    }

    /** Thrown to stop reading once the stored series pass the budget. */
    private static final class OverBudget extends RuntimeException {

        OverBudget() {
            super("the stored series passed the memory budget", null, false, false);
        }
    }

    /** Turns each aggregated row into a {@link StoredSeries}. Not thread-safe. */
    private static final class StoredSeriesReader implements RowCallbackHandler {

        private final long endDay;
        private final Map<Long, TradingCalendar> calendars;
        private final Map<Long, String> warehouseCodes;
        private final long budgetBytes;
        private final List<StoredSeries> read = new ArrayList<>();
        private long bytes;

        StoredSeriesReader(
                LocalDate end, Map<Long, TradingCalendar> calendars, Map<Long, String> warehouseCodes, long budget) {
            this.endDay = end.toEpochDay();
            this.calendars = calendars;
            this.warehouseCodes = warehouseCodes;
            this.budgetBytes = budget;
        }

        @Override
        public void processRow(java.sql.ResultSet row) throws java.sql.SQLException {
            long[] days = ArrayText.longs(row.getString(4));
            double[] demand = ArrayText.doubles(row.getString(5));
            String returnedDays = row.getString(6);
            if (returnedDays != null) {
                subtractReturns(days, demand, ArrayText.longs(returnedDays), ArrayText.doubles(row.getString(7)));
            }
            StoredSeries series = build(row.getLong(1), row.getString(2), row.getLong(3), days, demand);
            if (series != null) {
                bytes += series.bytes();
                if (bytes > budgetBytes) {
                    throw new OverBudget();
                }
                read.add(series);
            }
        }

        List<StoredSeries> sorted() {
            read.sort(StoredSeries::compareKeys);
            return read;
        }

        /** Net demand as {@link DemandSeries#ofSales} has it: sold less returned, never below 0. */
        private static void subtractReturns(long[] days, double[] sold, long[] returnedDays, double[] returned) {
            Map<Long, Double> returnedByDay = new HashMap<>();
            for (int index = 0; index < returnedDays.length; index++) {
                returnedByDay.put(returnedDays[index], returned[index]);
            }
            for (int index = 0; index < days.length; index++) {
                Double units = returnedByDay.get(days[index]);
                if (units != null) {
                    sold[index] = Math.max(0, sold[index] - Math.max(0, units));
                }
            }
        }

        /** The series from its first day of net demand; null when it has none. */
        private StoredSeries build(long variantId, String sku, long warehouseId, long[] days, double[] demand) {
            long first = Long.MAX_VALUE;
            int kept = 0;
            for (int index = 0; index < days.length; index++) {
                if (demand[index] > 0) {
                    first = Math.min(first, days[index]);
                    kept++;
                }
            }
            if (kept == 0) {
                return null;
            }
            if (endDay - first > StoredSeries.MAX_LENGTH) {
                throw new OverBudget();
            }
            char[] offsets = new char[kept];
            double[] values = new double[kept];
            int next = 0;
            for (int index = 0; index < days.length; index++) {
                if (demand[index] > 0) {
                    offsets[next] = (char) (days[index] - first);
                    values[next++] = demand[index];
                }
            }
            LocalDate firstDay = LocalDate.ofEpochDay(first);
            int length = (int) (endDay - first);
            TradingCalendar calendar = calendars.getOrDefault(warehouseId, TradingCalendar.everyDay(firstDay, length));
            String warehouse = warehouseCodes.getOrDefault(warehouseId, String.valueOf(warehouseId));
            return new StoredSeries(
                    variantId, sku, warehouseId, warehouse, firstDay, length, offsets, values, calendar);
        }
    }
}
