package dev.restock.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Every series, in variant and warehouse order. */
    public List<VariantSeries> loadAll() {
        List<VariantSeries> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    /** Hands every series to {@code consumer}, in variant and warehouse order, one at a time. */
    public void forEach(Consumer<VariantSeries> consumer) {
        readOnly.executeWithoutResult(status -> {
            LocalDate lastDay = jdbc.sql("select max(day) from trading_days")
                    .query(LocalDate.class)
                    .optional()
                    .orElse(null);
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
}
