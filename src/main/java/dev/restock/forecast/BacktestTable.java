package dev.restock.forecast;

import java.util.Locale;

/**
 * Prints a {@link BacktestReport} as the table {@code forecast backtest} shows: Markdown, so that
 * it reads in a terminal and can be pasted into the docs as it is.
 */
public final class BacktestTable {

    private BacktestTable() {}

    public static String format(BacktestReport report) {
        StringBuilder out = new StringBuilder();
        out.append(line(
                "Hold-out %s to %s (%d weeks of weekly totals), %,d series, %,.0f units sold in it.",
                report.holdoutFrom(),
                report.holdoutTo(),
                report.holdoutWeeks(),
                report.series(),
                report.actualDemand()));
        out.append(line(""));
        out.append(line("| forecast | kind | WAPE | MASE | bias |"));
        out.append(line("| --- | --- | ---: | ---: | ---: |"));
        for (BacktestReport.Row row : report.rows()) {
            out.append(line(
                    "| %s | %s | %.1f%% | %.3f | %+.1f%% |",
                    row.name(), row.kind(), 100 * row.wape(), row.mase(), 100 * row.bias()));
        }
        out.append(line(""));
        out.append(line(
                "Per-variant choice vs best baseline: %.1f%% lower WAPE.", 100 * report.improvementOverBestBaseline()));
        StringBuilder choices = new StringBuilder();
        report.choices()
                .forEach((method, count) -> choices.append(choices.isEmpty() ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %,d", method, count)));
        out.append(line("Chosen per variant: %s.", choices));
        out.append(line(
                "MASE is the mean over the %,d series whose training weeks changed; took %,d ms.",
                report.seriesWithMase(), report.elapsedMillis()));
        return out.toString();
    }

    private static String line(String format, Object... arguments) {
        return String.format(Locale.ROOT, format, arguments) + System.lineSeparator();
    }
}
