package dev.restock.bench;

import dev.restock.replenishment.ReplenishmentPlan;
import dev.restock.replenishment.ReplenishmentReport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole replenishment report on a generated catalog of variant and warehouse pairs with two
 * years of daily demand, against a plain {@code GROUP BY} over the same demand rows, on the same
 * database in the same run. Targets: the report takes no more than 4 times the aggregate, and
 * stays under 1 GiB of heap ({@code bench/run plan} runs it with {@code -Xmx1g}; the peak printed is
 * the most heap in use after any collection during the reports, {@link HeapAfterGc}).
 *
 * <p>Run with {@code bench/run plan [PAIRS] [DENSITY] [RUNS]}: PAIRS variant and warehouse pairs
 * (default 100,000, over 4 warehouses), DENSITY the share of days with a sale (default 0.25;
 * {@code daily_demand} has rows for days with demand only), RUNS timed runs of each (default 3).
 */
public final class PlanBenchmark {

    private static final int WAREHOUSES = 4;
    private static final int DAYS = 730;

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double density = args.length > 1 ? Double.parseDouble(args[1]) : 0.25;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (var restock = BenchSupport.startRestock()) {
            JdbcClient jdbc = restock.getBean(JdbcClient.class);
            ReplenishmentReport report = restock.getBean(ReplenishmentReport.class);

            long started = System.nanoTime();
            long rows = generate(jdbc, pairs / WAREHOUSES, density);
            System.out.printf(
                    "Generated %,d pairs, %,d daily demand rows in %.1f s%n",
                    pairs, rows, (System.nanoTime() - started) / 1e9);

            System.out.println("Baseline: GROUP BY variant and warehouse over daily_demand");
            double aggregateSeconds = BenchSupport.medianSeconds(runs, () -> {}, () -> aggregate(jdbc));

            System.out.println("Restock: the whole replenishment report");
            ReplenishmentPlan[] plan = new ReplenishmentPlan[1];
            BenchSupport.resetPeakHeap();
            double reportSeconds;
            long heapAfterGc;
            try (HeapAfterGc heap = HeapAfterGc.listen()) {
                reportSeconds = BenchSupport.medianSeconds(runs, () -> plan[0] = null, () -> plan[0] = report.plan());
                heapAfterGc = heap.peakMiB();
            }
            long peakHeap = BenchSupport.peakHeapMiB();

            System.out.printf("%npairs                  %,d (report lines: %,d, to order: %,d)%n",
                    pairs, plan[0].lines().size(), plan[0].counts().linesToOrder());
            System.out.printf("demand rows            %,d%n", rows);
            System.out.printf("GROUP BY baseline      %.3f s%n", aggregateSeconds);
            System.out.printf("report                 %.3f s   peak heap after GC %d MiB (max %d MiB)%n",
                    reportSeconds, heapAfterGc, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(
                    "%-23ssum of the heap pools' peaks %d MiB (an upper bound)%n", "", peakHeap);
            System.out.printf("ratio report/GROUP BY  %.2f (target <= 4)%n", reportSeconds / aggregateSeconds);
        }
    }

    private static long aggregate(JdbcClient jdbc) {
        return jdbc.sql("""
                select variant_id, warehouse_id, sum(sold), sum(returned), count(*)
                from daily_demand group by variant_id, warehouse_id
                """)
                .query((row, number) -> row.getLong(1))
                .list()
                .size();
    }

    private static long generate(JdbcClient jdbc, int variants, double density) {
        jdbc.sql("select setseed(0.42)").query(Object.class).single();
        jdbc.sql("insert into warehouses (code, name) select 'W' || n, 'Warehouse ' || n from generate_series(1, ?) n")
                .param(WAREHOUSES)
                .update();
        jdbc.sql("insert into vendors (code, name, lead_time_days) values ('V1', 'One', 7), ('V2', 'Two', 21)")
                .update();
        jdbc.sql("""
                insert into variants (sku, title, price)
                select 'SKU-' || n, 'Variant ' || n, 1 + (n % 50) from generate_series(1, ?) n
                """).param(variants).update();
        jdbc.sql("""
                insert into variant_vendors (variant_id, vendor_id, cost, moq, order_multiple)
                select id, 1 + id % 2, 0.5 + (id % 20), (id % 3) * 6, 1 + (id % 4) * 5 from variants
                """).update();
        jdbc.sql("""
                insert into variant_warehouses (variant_id, warehouse_id, available, min_stock, days_of_stock)
                select v.id, w.id, floor(random() * 60), v.id % 5, 14 + (v.id % 3) * 7
                from variants v cross join warehouses w
                """).update();
        jdbc.sql("""
                insert into trading_days (warehouse_id, day)
                select w.id, date '2024-01-01' + d from warehouses w cross join generate_series(0, ?) d
                """).param(DAYS - 1).update();
        long rows = jdbc.sql("""
                insert into daily_demand (variant_id, warehouse_id, day, sold, returned, revenue, sale_lines)
                select v.id, w.id, date '2024-01-01' + d, 1 + floor(random() * (1 + v.id % 7)), 0, 0, 1
                from variants v cross join warehouses w cross join generate_series(0, ?) d
                where random() < ?
                """).params(DAYS - 1, density).update();
        jdbc.sql("analyze").update();
        return rows;
    }
}
