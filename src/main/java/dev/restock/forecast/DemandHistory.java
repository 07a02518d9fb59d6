package dev.restock.forecast;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
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
     * Every row that can carry net demand, in binary: nothing for the server to aggregate, sort
     * or print, and nothing for Java to parse but fixed-width numbers. The units go over as
     * {@code float8}, the nearest double to the decimal (as the driver's {@code getDouble} gives
     * it); units returned only where there are any.
     */
    private static final String DEMAND_COPY = """
            copy (
                select variant_id, warehouse_id, day, sold::float8,
                    case when returned > 0 then returned::float8 end
                from daily_demand
                where sold > 0 and day <= date '%s'
            ) to stdout (format binary)
            """;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    public DemandHistory(DataSource dataSource, PlatformTransactionManager transactions) {
        // PostgreSQL only streams with a fetch size inside a transaction; otherwise it reads all rows.
        this.dataSource = dataSource;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Every series in the small stored form, in variant and warehouse order, read with one binary
     * {@code COPY} of {@code daily_demand} in whatever order the table has, grouped here; empty
     * when the stored series would take more than {@code budgetBytes} of heap (the rest of the
     * COPY is then read and dropped), in which case nothing is kept and {@link #forEach} is the
     * way to read them, one at a time.
     */
    Optional<List<StoredSeries>> readAll(long budgetBytes) {
        return readOnly.execute(status -> {
            LocalDate lastDay = lastTradingDay();
            if (lastDay == null) {
                return Optional.of(List.of());
            }
            StoredSeriesCollector collector = new StoredSeriesCollector(
                    lastDay.plusDays(1), liveSkus(), liveWarehouseCodes(), calendars(), budgetBytes);
            copyDemand(lastDay, collector);
            return collector.finish();
        });
    }

    private void copyDemand(LocalDate lastDay, DemandCopyRows.Sink sink) {
        String sql = DEMAND_COPY.formatted(lastDay);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
            try {
                DemandCopyRows.read(copy, sink);
            } finally {
                // Cancelling a COPY leaves the driver's connection out of step with the server;
                // the rest is read and dropped instead, so the connection goes back to the pool usable.
                while (copy.isActive() && copy.readFromCopy() != null) {
                    // drop
                }
            }
        } catch (SQLException e) {
            throw new JdbcTemplate(dataSource).getExceptionTranslator().translate("COPY of daily_demand", sql, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
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

    private Map<Long, String> liveSkus() {
        Map<Long, String> skus = new HashMap<>();
        jdbc.sql("select id, sku from variants where not removed").query(row -> {
            skus.put(row.getLong(1), row.getString(2));
        });
        return skus;
    }

    private Map<Long, String> liveWarehouseCodes() {
        Map<Long, String> codes = new HashMap<>();
        jdbc.sql("select id, code from warehouses where not removed").query(row -> {
            codes.put(row.getLong(1), row.getString(2));
        });
        return codes;
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
}
