package dev.restock.forecast;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the backtest on the raw Online Retail file, before any import. Not part of the default test
 * run (surefire runs *Test, *Tests, *IT, *Properties); run it with {@code ./mvnw -o -q test
 * -Dtest=OnlineRetailForecastBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Set {@code
 * RESTOCK_ONLINE_RETAIL} to read another copy, and {@code RESTOCK_BACKTEST_DROP_WEEKS} to cut
 * weeks off the end first (a validation period for tuning that leaves the real hold-out unseen).
 */
class OnlineRetailForecastBenchmark {

    @Test
    void backtestsTheOnlineRetailData() throws Exception {
        Path file = OnlineRetailSeries.file();
        assumeTrue(Files.exists(file), "no Online Retail file at " + file.toAbsolutePath());

        long started = System.nanoTime();
        List<VariantSeries> series = OnlineRetailSeries.load(file);
        int dropWeeks = Integer.parseInt(System.getenv().getOrDefault("RESTOCK_BACKTEST_DROP_WEEKS", "0"));
        if (dropWeeks > 0) {
            series = series.stream()
                    .filter(variant -> variant.series().length() > dropWeeks * 7)
                    .map(variant -> new VariantSeries(
                            variant.variantId(),
                            variant.sku(),
                            variant.warehouseId(),
                            variant.warehouse(),
                            variant.series().truncate(variant.series().length() - dropWeeks * 7)))
                    .toList();
        }
        long loaded = System.nanoTime();

        BacktestReport report = Backtest.standard().run(series, 8);

        List<VariantForecast> forecasts = List.of();
        long forecastMillis = 0;
        for (int run = 0; run < 3; run++) {
            long forecastStarted = System.nanoTime();
            forecasts = DemandForecaster.forecast(series, 90);
            forecastMillis = (System.nanoTime() - forecastStarted) / 1_000_000;
        }

        System.out.printf("Loaded %,d series in %,d ms%n", series.size(), (loaded - started) / 1_000_000);
        System.out.print(BacktestTable.format(report));
        System.out.printf(
                "Forecast all %,d series for 90 days (selection included) in %,d ms (third run)%n",
                forecasts.size(), forecastMillis);
    }
}
