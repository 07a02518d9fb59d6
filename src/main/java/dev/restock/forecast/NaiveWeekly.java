package dev.restock.forecast;

import java.util.Arrays;

/**
 * Baseline: every horizon week sells what the last week sold (all days, undamped), spread
 * evenly over its seven days. A history shorter than a week is scaled up to a week.
 */
public record NaiveWeekly() implements ForecastMethod {

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public double[] forecast(DemandSeries history, int horizonDays) {
        double[] forecast = new double[horizonDays];
        Arrays.fill(forecast, lastWeekPerDay(history));
        return forecast;
    }

    static double lastWeekPerDay(DemandSeries history) {
        int end = history.length();
        if (end == 0) {
            return 0;
        }
        int days = Math.min(Horizon.WEEK, end);
        return history.total(end - days, end) / days;
    }
}
