package dev.restock.forecast;

/**
 * Baseline: every horizon week sells what the same week sold 52 weeks earlier (all days,
 * undamped), spread evenly over its seven days. Where the series does not reach back that far,
 * the week falls back to the naive forecast (what the last week sold).
 */
public record SeasonalNaiveWeekly() implements ForecastMethod {

    @Override
    public String name() {
        return "seasonal-naive";
    }

    @Override
    public double[] forecast(DemandSeries history, int horizonDays) {
        int end = history.length();
        double naive = NaiveWeekly.lastWeekPerDay(history);
        double[] forecast = new double[horizonDays];
        for (int day = 0; day < horizonDays; day++) {
            int weekStart = end - SeasonalScaled.YEAR + (day / Horizon.WEEK) * Horizon.WEEK;
            boolean known = weekStart >= 0 && weekStart + Horizon.WEEK <= end;
            forecast[day] = known ? history.total(weekStart, weekStart + Horizon.WEEK) / Horizon.WEEK : naive;
        }
        return forecast;
    }
}
