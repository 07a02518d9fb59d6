package dev.restock.sales;

import dev.restock.RestockException;
import dev.restock.ingest.SalesLinesListener;
import java.sql.SQLException;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Derives {@code daily_demand} and {@code trading_days} from {@code sales_lines}. Days are
 * calendar dates in each warehouse's time zone. Removed lines do not count. Must run inside
 * the importing transaction so that readers never see demand that disagrees with the lines.
 */
@Component
public class DailyDemand implements SalesLinesListener {

    private static final Logger log = LoggerFactory.getLogger(DailyDemand.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public DailyDemand(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public LineWatcher watchBulkLoad() {
        return new DailyDemandTally();
    }

    @Override
    public int salesChanged(LineWatcher watched) {
        if (!(watched instanceof DailyDemandTally tally)) {
            return rebuild();
        }
        try {
            long started = System.nanoTime();
            int rows = tally.replaceTables(DataSourceUtils.getConnection(dataSource));
            long copied = System.nanoTime();
            replaceTradingDays(tally.epochDays());
            log.debug(
                    "Wrote {} tallied demand rows in {} ms, trading days in {} ms",
                    rows,
                    (copied - started) / 1_000_000,
                    (System.nanoTime() - copied) / 1_000_000);
            return rows;
        } catch (SQLException e) {
            throw new RestockException("Could not write daily demand: " + e.getMessage(), e);
        }
    }

    /**
     * A trading day is a day the store sold anything, in any warehouse: a warehouse with no
     * order that day was still open, so the day counts as a day of zero demand there. Days are
     * taken in each warehouse's time zone.
     */
    public void refreshTradingDays() {
        jdbc.sql("delete from trading_days").update();
        jdbc.sql("""
                insert into trading_days (warehouse_id, day)
                select w.id, d.day from warehouses w cross join (select distinct day from daily_demand) d
                where not w.removed
                """).update();
    }

    /**
     * As {@link #refreshTradingDays()}, for the days of {@code daily_demand} known already (a
     * tally's, just written): saves reading them back.
     */
    private void replaceTradingDays(long[] epochDays) {
        jdbc.sql("delete from trading_days").update();
        jdbc.sql("""
                insert into trading_days (warehouse_id, day)
                select w.id, date '1970-01-01' + d.day from warehouses w cross join unnest(?::int[]) as d (day)
                where not w.removed
                order by 1, 2
                """)
                .param(new SqlArrayValue(
                        "int4",
                        LongStream.of(epochDays).mapToObj(Math::toIntExact).toArray()))
                .update();
    }

    /**
     * Recomputes both tables from every sales line; returns the number of demand rows. Rows go in
     * in key order, so the primary key grows at its right edge instead of splitting pages.
     */
    public int rebuild() {
        jdbc.sql("delete from daily_demand").update();
        int rows = jdbc.sql("""
                insert into daily_demand (variant_id, warehouse_id, day, sold, returned, revenue, sale_lines)
                select l.variant_id, l.warehouse_id, (l.sold_at at time zone w.time_zone)::date,
                       sum(case when l.kind = 'sale' then l.quantity else 0 end),
                       sum(case when l.kind <> 'sale' and l.quantity < 0 then -l.quantity else 0 end),
                       sum(case when l.kind <> 'adjustment' then l.quantity * coalesce(l.unit_price, 0) else 0 end),
                       count(*) filter (where l.kind = 'sale')
                from sales_lines l
                join warehouses w on w.id = l.warehouse_id
                where not l.removed
                group by 1, 2, 3
                order by 1, 2, 3
                """).update();
        refreshTradingDays();
        log.debug("Rebuilt daily demand: {} rows", rows);
        return rows;
    }
}
