package dev.restock.forecast;

import java.util.Locale;

/** Prints a {@link BacktestReport} as the plain-text table that {@code forecast backtest} shows. */
public final class BacktestTable {

    private BacktestTable() {}

    public static String format(BacktestReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Hold-out %s to %s (%d weeks), %,d series, %,.0f units sold in the hold-out%n",
                report.holdoutFrom(),
                report.holdoutTo(),
                report.holdoutWeeks(),
                report.series(),
                report.actualDemand()));
        out.append(String.format(Locale.ROOT, "%-20s %-9s %8s %8s %8s%n", "forecast", "kind", "WAPE", "MASE", "bias"));
        for (BacktestReport.Row row : report.rows()) {
            out.append(String.format(
                    Locale.ROOT, "%-20s %-9s %7.1f%% %8.3f%n", row.name(), row.kind(), 100 * row.wape(), row.mase()));
        }
        out.append(String.format(
                Locale.ROOT,
                "Per-variant choice vs best baseline: %.1f%% lower WAPE%n",
                100 * report.improvementOverBestBaseline()));
        out.append("Chosen methods:");
        report.choices().forEach((method, count) -> out.append(String.format(Locale.ROOT, " %s %,d;", method, count)));
        out.append(String.format(
                Locale.ROOT,
                "%nMASE averaged over %,d series with week-to-week change;" + " backtest took %,d ms%n",
                report.seriesWithMase(),
                report.elapsedMillis()));
        return out.toString();
    }
}
