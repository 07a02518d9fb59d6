package dev.restock.forecast;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Holds out the last weeks of every series, forecasts them from the weeks before, and measures
 * each candidate method, each baseline and the per-variant choice on the weekly totals of the
 * hold-out. Only series that sold something before the hold-out take part: a variant first sold
 * inside the hold-out was not known when the forecast would have been made.
 *
 * <p>Nothing from the hold-out reaches a method or the selector: each gets the series truncated
 * at the hold-out's first day, and the new-variant prior is estimated from truncated series too.
 * Not thread-safe while running; create one per run.
 */
public final class Backtest {

    private final OutlierDamper damper;
    private final Function<WarehousePool, ForecastSelector> selectors;
    private final List<ForecastMethod> baselines;

    /**
     * A backtest of the selectors that {@code selectors} makes for each warehouse, from a pool
     * estimated with {@code damper}, against {@code baselines}.
     */
    public Backtest(
            OutlierDamper damper, Function<WarehousePool, ForecastSelector> selectors, List<ForecastMethod> baselines) {
        this.damper = requireNonNull(damper, "damper");
        this.selectors = requireNonNull(selectors, "selectors");
        this.baselines = List.copyOf(baselines);
    }

    /** The standard selector against the naive and seasonal-naive baselines. */
    public static Backtest standard() {
        return new Backtest(
                OutlierDamper.standard(),
                ForecastSelector::standard,
                List.of(new NaiveWeekly(), new SeasonalNaiveWeekly()));
    }

    public BacktestReport run(List<VariantSeries> all, int holdoutWeeks) {
        long started = System.nanoTime();
        int holdoutDays = holdoutWeeks * Horizon.WEEK;
        List<VariantSeries> eligible = eligible(all, holdoutDays);
        Map<Long, ForecastSelector> selectorByWarehouse = selectorsByWarehouse(eligible, holdoutDays);

        Map<String, ForecastAccuracy> methods = new LinkedHashMap<>();
        Map<String, ForecastAccuracy> baselineAccuracy = new LinkedHashMap<>();
        baselines.forEach(method -> baselineAccuracy.put(method.name(), new ForecastAccuracy()));
        ForecastAccuracy choice = new ForecastAccuracy();
        Map<String, Integer> choices = new TreeMap<>();

        for (VariantSeries variant : eligible) {
            DemandSeries series = variant.series();
            int end = series.length() - holdoutDays;
            DemandSeries training = series.truncate(end);
            double[] actual = actualWeeks(series, end, holdoutWeeks);
            double scale = ForecastAccuracy.naiveScale(series, end);
            ForecastSelector selector = selectorByWarehouse.get(variant.warehouseId());

            DemandSeries damped = selector.damper().damp(training);
            for (ForecastMethod method : selector.candidates()) {
                ForecastMethod used = method.appliesTo(damped) ? method : selector.fallback();
                methods.computeIfAbsent(method.name(), name -> new ForecastAccuracy())
                        .add(weeks(used.forecast(damped, holdoutDays)), actual, scale);
            }
            for (ForecastMethod baseline : baselines) {
                baselineAccuracy
                        .get(baseline.name())
                        .add(weeks(baseline.forecast(training, holdoutDays)), actual, scale);
            }
            Forecast forecast = selector.select(training, holdoutDays);
            choice.add(weeks(forecast.dailyDemand()), actual, scale);
            choices.merge(forecast.method(), 1, Integer::sum);
        }

        return report(all, eligible, holdoutWeeks, methods, baselineAccuracy, choice, choices, started);
    }

    private BacktestReport report(
            List<VariantSeries> all,
            List<VariantSeries> eligible,
            int holdoutWeeks,
            Map<String, ForecastAccuracy> methods,
            Map<String, ForecastAccuracy> baselineAccuracy,
            ForecastAccuracy choice,
            Map<String, Integer> choices,
            long started) {
        List<BacktestReport.Row> rows = new ArrayList<>();
        methods.forEach((name, accuracy) -> rows.add(row(name, "method", accuracy)));
        double bestBaseline = Double.POSITIVE_INFINITY;
        for (var entry : baselineAccuracy.entrySet()) {
            rows.add(row(entry.getKey(), "baseline", entry.getValue()));
            bestBaseline = Math.min(bestBaseline, entry.getValue().wape());
        }
        rows.add(row("per-variant choice", "choice", choice));

        var last = all.stream()
                .map(variant -> variant.series().end())
                .max(LocalDate::compareTo)
                .orElse(LocalDate.EPOCH);
        return new BacktestReport(
                last.minusDays(holdoutWeeks * (long) Horizon.WEEK),
                last.minusDays(1),
                holdoutWeeks,
                eligible.size(),
                choice.scaledSeries(),
                choice.actualDemand(),
                rows,
                choices,
                1 - choice.wape() / bestBaseline,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static BacktestReport.Row row(String name, String kind, ForecastAccuracy accuracy) {
        return new BacktestReport.Row(name, kind, accuracy.wape(), accuracy.mase(), accuracy.bias());
    }

    private static List<VariantSeries> eligible(List<VariantSeries> all, int holdoutDays) {
        List<VariantSeries> eligible = new ArrayList<>();
        for (VariantSeries variant : all) {
            DemandSeries series = variant.series();
            int end = series.length() - holdoutDays;
            if (end > 0 && series.total(0, end) > 0) {
                eligible.add(variant);
            }
        }
        return eligible;
    }

    private Map<Long, ForecastSelector> selectorsByWarehouse(List<VariantSeries> eligible, int holdoutDays) {
        Map<Long, List<DemandSeries>> byWarehouse = new HashMap<>();
        for (VariantSeries variant : eligible) {
            DemandSeries series = variant.series();
            byWarehouse
                    .computeIfAbsent(variant.warehouseId(), id -> new ArrayList<>())
                    .add(series.truncate(series.length() - holdoutDays));
        }
        Map<Long, ForecastSelector> selectors = new HashMap<>();
        byWarehouse.forEach((warehouse, histories) ->
                selectors.put(warehouse, this.selectors.apply(WarehousePool.estimate(histories, damper))));
        return selectors;
    }

    private static double[] actualWeeks(DemandSeries series, int from, int weeks) {
        double[] actual = new double[weeks];
        for (int week = 0; week < weeks; week++) {
            actual[week] = Horizon.weekTotal(series, from, week);
        }
        return actual;
    }

    private static double[] weeks(double[] daily) {
        return Horizon.weeklyTotals(daily);
    }
}
