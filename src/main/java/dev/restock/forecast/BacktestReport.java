package dev.restock.forecast;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of a {@link Backtest}: one row per method, baseline and the per-variant choice, how
 * often the choice picked each method, and how much better the choice did than the best baseline.
 */
public record BacktestReport(
        LocalDate holdoutFrom,
        LocalDate holdoutTo,
        int holdoutWeeks,
        int series,
        int seriesWithMase,
        double actualDemand,
        List<Row> rows,
        Map<String, Integer> choices,
        double improvementOverBestBaseline,
        long elapsedMillis) {

    public BacktestReport {
        rows = List.copyOf(rows);
        choices = Collections.unmodifiableMap(new TreeMap<>(choices));
    }

    /**
     * Accuracy of one way of forecasting; {@code kind} is method, baseline or choice, {@code bias}
     * is total forecast over total actual less one.
     */
    public record Row(String name, String kind, double wape, double mase, double bias) {}
}
