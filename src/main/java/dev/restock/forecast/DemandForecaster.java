package dev.restock.forecast;

import dev.restock.RestockException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Forecasts every variant and warehouse from the demand history, and backtests the forecast.
 * This is what the replenishment calls: one {@link VariantForecast} per series, each with its
 * chosen method and backtest error. Thread-safe.
 */
@Component
public class DemandForecaster {

    private static final Logger log = LoggerFactory.getLogger(DemandForecaster.class);

    /** Series forecast at once, on every core, in the streaming forecast of all series. */
    private static final int CHUNK = 2048;

    private final DemandHistory history;
    private final long memoryBudgetBytes;

    /** Keeps every series in memory between the two passes when they fit a third of the heap. */
    @Autowired
    public DemandForecaster(DemandHistory history) {
        this(history, Runtime.getRuntime().maxMemory() / 3);
    }

    DemandForecaster(DemandHistory history, long memoryBudgetBytes) {
        this.history = history;
        this.memoryBudgetBytes = memoryBudgetBytes;
    }

    /**
     * The forecast of every series for the {@code horizonDays} days after the last trading day.
     * Empty when there is no demand history.
     */
    public List<VariantForecast> forecastAll(int horizonDays) {
        long started = System.nanoTime();
        // Every series read once and kept in a small form when it fits the budget; otherwise two passes over the
        // history, one series in memory at a time (and a chunk
        // while it is forecast). The warehouse pools need all series of a warehouse before any
        // can be forecast.
        Optional<List<StoredSeries>> stored = history.readAll(memoryBudgetBytes);
        log.debug("Read the demand history in {} ms", (System.nanoTime() - started) / 1_000_000);
        List<VariantForecast> forecasts =
                stored.isPresent() ? forecastStored(stored.get(), horizonDays) : forecastStreamed(horizonDays);
        log.info(
                "Forecast {} series for {} days in {} ms ({})",
                forecasts.size(),
                horizonDays,
                (System.nanoTime() - started) / 1_000_000,
                stored.isPresent() ? "read once" : "read twice: the series did not fit in memory");
        return forecasts;
    }

    private static List<VariantForecast> forecastStored(List<StoredSeries> stored, int horizonDays) {
        long started = System.nanoTime();
        Map<Long, ForecastSelector> selectors = selectors(pools(stored));
        long pooled = System.nanoTime();

        List<VariantForecast> forecasts = stored.parallelStream()
                .map(series -> forecast(series.expand(), selectors, horizonDays))
                .toList();
        log.debug(
                "Pooled {} series in {} ms, forecast them in {} ms",
                stored.size(),
                (pooled - started) / 1_000_000,
                (System.nanoTime() - pooled) / 1_000_000);
        return forecasts;
    }

    /**
     * The pools of the stored series: each series damped on every core, a chunk at a time, and
     * added to its warehouse's pool in the list's order, so the sums are those of one thread.
     */
    private static Map<Long, WarehousePool.Builder> pools(List<StoredSeries> stored) {
        OutlierDamper damper = OutlierDamper.standard();
        Map<Long, WarehousePool.Builder> pools = new HashMap<>();
        for (int from = 0; from < stored.size(); from += CHUNK) {
            List<DemandSeries[]> damped = stored.subList(from, Math.min(stored.size(), from + CHUNK)).parallelStream()
                    .map(series -> {
                        DemandSeries history = series.expand().series();
                        return new DemandSeries[] {history, damper.damp(history)};
                    })
                    .toList();
            for (int index = 0; index < damped.size(); index++) {
                pools.computeIfAbsent(
                                stored.get(from + index).warehouseId(), warehouse -> new WarehousePool.Builder(damper))
                        .addDamped(damped.get(index)[0], damped.get(index)[1]);
            }
        }
        return pools;
    }

    private List<VariantForecast> forecastStreamed(int horizonDays) {
        Map<Long, WarehousePool.Builder> pools = new HashMap<>();
        history.forEach(variant -> pool(pools, variant));
        Map<Long, ForecastSelector> selectors = selectors(pools);

        List<VariantForecast> forecasts = new ArrayList<>();
        List<VariantSeries> chunk = new ArrayList<>(CHUNK);
        history.forEach(variant -> {
            chunk.add(variant);
            if (chunk.size() == CHUNK) {
                forecasts.addAll(forecast(chunk, selectors, horizonDays));
                chunk.clear();
            }
        });
        forecasts.addAll(forecast(chunk, selectors, horizonDays));
        return forecasts;
    }

    private static void pool(Map<Long, WarehousePool.Builder> pools, VariantSeries variant) {
        pools.computeIfAbsent(variant.warehouseId(), warehouse -> new WarehousePool.Builder(OutlierDamper.standard()))
                .add(variant.series());
    }

    private static Map<Long, ForecastSelector> selectors(Map<Long, WarehousePool.Builder> pools) {
        Map<Long, ForecastSelector> selectors = new HashMap<>();
        pools.forEach((warehouse, pool) -> selectors.put(warehouse, ForecastSelector.standard(pool.build())));
        return selectors;
    }

    /**
     * The standard backtest of the whole history, holding out its last {@code holdoutWeeks} weeks.
     *
     * @throws RestockException when there is no history, or none before the hold-out
     */
    public BacktestReport backtest(int holdoutWeeks) {
        List<VariantSeries> all = history.loadAll();
        if (all.isEmpty()) {
            throw new RestockException("There is no daily demand to backtest: daily_demand has no sales."
                    + " Import sales history first, for example with `restock import online-retail FILE`.");
        }
        BacktestReport report = Backtest.standard().run(all, holdoutWeeks);
        if (report.series() == 0) {
            throw new RestockException("None of the " + all.size() + " series sold anything before the "
                    + holdoutWeeks + "-week hold-out, so there is nothing to backtest. Hold out fewer weeks"
                    + " with --holdout-weeks, or import a longer history.");
        }
        log.info("Backtested {} series in {} ms", report.series(), report.elapsedMillis());
        return report;
    }

    /**
     * The standard forecast of the given series, with one pool per warehouse, in the order given.
     * Pure; uses the common fork-join pool.
     */
    public static List<VariantForecast> forecast(List<VariantSeries> all, int horizonDays) {
        Map<Long, List<DemandSeries>> byWarehouse = new HashMap<>();
        for (VariantSeries variant : all) {
            byWarehouse
                    .computeIfAbsent(variant.warehouseId(), id -> new ArrayList<>())
                    .add(variant.series());
        }
        Map<Long, ForecastSelector> selectors = new HashMap<>();
        byWarehouse.forEach((warehouse, histories) -> selectors.put(
                warehouse, ForecastSelector.standard(WarehousePool.estimate(histories, OutlierDamper.standard()))));
        return forecast(all, selectors, horizonDays);
    }

    private static List<VariantForecast> forecast(
            List<VariantSeries> all, Map<Long, ForecastSelector> selectors, int horizonDays) {
        // Selectors and methods are stateless (the pooled trend's cache is concurrent), so series
        // can be forecast on every core; the result keeps the input's order.
        return all.parallelStream()
                .map(variant -> forecast(variant, selectors, horizonDays))
                .toList();
    }

    private static VariantForecast forecast(
            VariantSeries variant, Map<Long, ForecastSelector> selectors, int horizonDays) {
        return new VariantForecast(
                variant.variantId(),
                variant.sku(),
                variant.warehouseId(),
                variant.warehouse(),
                selectors.get(variant.warehouseId()).select(variant.series(), horizonDays));
    }
}
