package dev.restock.forecast;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.restock.forecast.ForecastSelector.Settings;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * How the selector's defaults were chosen: each configuration is backtested on a validation
 * period, the 8 weeks before the real hold-out (the last 8 weeks are cut off first), so tuning
 * never sees the weeks that {@code forecast backtest} reports. Not part of the default test run;
 * run it with {@code -Dtest=OnlineRetailTuningBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OnlineRetailTuningBenchmark {

    private static final int HOLDOUT_WEEKS = 8;

    @Test
    void comparesConfigurationsOnTheValidationPeriod() throws Exception {
        assumeTrue(Files.exists(OnlineRetailSeries.file()), "no Online Retail file");
        List<VariantSeries> validation = dropLastWeeks(OnlineRetailSeries.load(OnlineRetailSeries.file()));

        for (var entry : configurations().entrySet()) {
            BacktestReport report = entry.getValue().run(validation, HOLDOUT_WEEKS);
            BacktestReport.Row choice = report.rows().getLast();
            System.out.printf(
                    "%-32s choice WAPE %5.1f%% MASE %.3f bias %+5.1f%%  vs best baseline %+5.1f%%  %s%n",
                    entry.getKey(),
                    100 * choice.wape(),
                    choice.mase(),
                    100 * choice.bias(),
                    -100 * report.improvementOverBestBaseline(),
                    methods(report));
        }
    }

    private static String methods(BacktestReport report) {
        StringBuilder line = new StringBuilder();
        for (BacktestReport.Row row : report.rows()) {
            line.append(String.format("%s %.1f ", row.name(), 100 * row.wape()));
        }
        return line.toString();
    }

    private static Map<String, Backtest> configurations() {
        Map<String, Backtest> configurations = new LinkedHashMap<>();
        OutlierDamper standard = OutlierDamper.standard();
        Function<WarehousePool, List<ForecastMethod>> withoutPooled = pool ->
                List.of(new RecentAverage(56), DampedTrend.standard(), SeasonalScaled.standard(), Croston.sba());
        configurations.put("standard", Backtest.standard());
        configurations.put("without pooled trend", backtest(standard, withoutPooled, Settings.standard()));
        configurations.put(
                "pooled trend window 56",
                backtest(
                        standard,
                        pool -> List.of(
                                new RecentAverage(56),
                                DampedTrend.standard(),
                                new PooledTrend(pool, 56, DampedTrend.standard()),
                                SeasonalScaled.standard(),
                                Croston.sba()),
                        Settings.standard()));
        configurations.put(
                "pooled trend 0.3/0.1/0.9",
                backtest(
                        standard,
                        pool -> List.of(
                                new RecentAverage(56),
                                DampedTrend.standard(),
                                new PooledTrend(pool, 28, new DampedTrend(0.3, 0.1, 0.9, 8)),
                                SeasonalScaled.standard(),
                                Croston.sba()),
                        Settings.standard()));
        configurations.put(
                "4 origins every 28, 56 days",
                backtest(standard, ForecastSelector::standardCandidates, new Settings(4, 28, 56, 20)));
        configurations.put(
                "no damping",
                backtest(OutlierDamper.none(), ForecastSelector::standardCandidates, Settings.standard()));
        configurations.put(
                "damping k=8 ratio 4",
                backtest(new OutlierDamper(8, 4, 5), ForecastSelector::standardCandidates, Settings.standard()));
        configurations.put(
                "damping k=3 ratio 2",
                backtest(new OutlierDamper(3, 2, 5), ForecastSelector::standardCandidates, Settings.standard()));
        return configurations;
    }

    private static Backtest backtest(
            OutlierDamper damper, Function<WarehousePool, List<ForecastMethod>> candidates, Settings settings) {
        return new Backtest(
                damper,
                pool -> new ForecastSelector(
                        candidates.apply(pool), new RecentAverage(56), damper, pool.prior(), settings),
                List.of(new NaiveWeekly(), new SeasonalNaiveWeekly()));
    }

    private static List<VariantSeries> dropLastWeeks(List<VariantSeries> all) {
        int days = HOLDOUT_WEEKS * 7;
        return all.stream()
                .filter(variant -> variant.series().length() > days)
                .map(variant -> new VariantSeries(
                        variant.variantId(),
                        variant.sku(),
                        variant.warehouseId(),
                        variant.warehouse(),
                        variant.series().truncate(variant.series().length() - days)))
                .toList();
    }
}
