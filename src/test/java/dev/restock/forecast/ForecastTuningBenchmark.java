package dev.restock.forecast;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the selector's defaults were chosen: each configuration is backtested on a validation
 * period, the 8 weeks before the real hold-out (the last 8 weeks are cut off first), so tuning
 * never sees the weeks that {@code forecast backtest} reports. Not part of the default test run;
 * run it with {@code -Dtest=ForecastTuningBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ForecastTuningBenchmark {

    private static final int HOLDOUT_WEEKS = 8;

    @Test
    void comparesConfigurationsOnTheValidationPeriod() throws Exception {
        assumeTrue(Files.exists(OnlineRetailSeries.file()), "no Online Retail file");
        List<VariantSeries> validation = dropLastWeeks(OnlineRetailSeries.load(OnlineRetailSeries.file()));

        for (var entry : configurations().entrySet()) {
            BacktestReport report = new Backtest(
                            entry.getValue(), List.of(new NaiveWeekly(), new SeasonalNaiveWeekly()))
                    .run(validation, HOLDOUT_WEEKS);
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

    private static Map<String, ForecastSelector> configurations() {
        Map<String, ForecastSelector> configurations = new LinkedHashMap<>();
        configurations.put("standard", ForecastSelector.standard());
        configurations.put(
                "no damping", selector(ForecastSelector.standardCandidates(), OutlierDamper.none(), 4, 28, 56));
        configurations.put(
                "damping k=3 ratio 2",
                selector(ForecastSelector.standardCandidates(), new OutlierDamper(3, 2, 5), 4, 28, 56));
        configurations.put(
                "damping k=8 ratio 4",
                selector(ForecastSelector.standardCandidates(), new OutlierDamper(8, 4, 5), 4, 28, 56));
        configurations.put(
                "8 origins every 14 days",
                selector(ForecastSelector.standardCandidates(), OutlierDamper.standard(), 8, 14, 56));
        configurations.put(
                "6 origins every 7, 28 days",
                selector(ForecastSelector.standardCandidates(), OutlierDamper.standard(), 6, 7, 28));
        configurations.put(
                "2 origins every 28",
                selector(ForecastSelector.standardCandidates(), OutlierDamper.standard(), 2, 28, 56));
        configurations.put(
                "average window 28",
                selector(
                        List.of(
                                new RecentAverage(28),
                                DampedTrend.standard(),
                                SeasonalScaled.standard(),
                                Croston.sba()),
                        OutlierDamper.standard(),
                        4,
                        28,
                        56));
        configurations.put(
                "average window 112",
                selector(
                        List.of(
                                new RecentAverage(112),
                                DampedTrend.standard(),
                                SeasonalScaled.standard(),
                                Croston.sba()),
                        OutlierDamper.standard(),
                        4,
                        28,
                        56));
        configurations.put(
                "trend 0.3/0.1/0.9",
                selector(
                        List.of(
                                new RecentAverage(56),
                                new DampedTrend(0.3, 0.1, 0.9, 8),
                                SeasonalScaled.standard(),
                                Croston.sba()),
                        OutlierDamper.standard(),
                        4,
                        28,
                        56));
        configurations.put(
                "trend 0.1/0.05/0.95",
                selector(
                        List.of(
                                new RecentAverage(56),
                                new DampedTrend(0.1, 0.05, 0.95, 8),
                                SeasonalScaled.standard(),
                                Croston.sba()),
                        OutlierDamper.standard(),
                        4,
                        28,
                        56));
        configurations.put(
                "sba alpha 0.05",
                selector(
                        List.of(
                                new RecentAverage(56),
                                DampedTrend.standard(),
                                SeasonalScaled.standard(),
                                new Croston(0.05, true)),
                        OutlierDamper.standard(),
                        4,
                        28,
                        56));
        configurations.put(
                "sba alpha 0.2",
                selector(
                        List.of(
                                new RecentAverage(56),
                                DampedTrend.standard(),
                                SeasonalScaled.standard(),
                                new Croston(0.2, true)),
                        OutlierDamper.standard(),
                        4,
                        28,
                        56));
        return configurations;
    }

    private static ForecastSelector selector(
            List<ForecastMethod> candidates, OutlierDamper damper, int origins, int spacing, int evaluationDays) {
        return new ForecastSelector(candidates, new RecentAverage(56), damper, origins, spacing, evaluationDays, 20);
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
