package dev.restock.forecast;

/**
 * Average demand per counted day over the last {@code window} counted days: days closed or out
 * of stock are skipped, not averaged in as zeros. The same rate is forecast for every trading day.
 */
public record RecentAverage(int window) implements ForecastMethod {

    public RecentAverage {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least one day, was " + window);
        }
    }

    @Override
    public String name() {
        return "recent-average";
    }

    @Override
    public double[] forecast(DemandSeries history, int horizonDays) {
        return Horizon.constantRate(history, horizonDays, rate(history, window));
    }

    /** Demand per counted day over the last {@code window} counted days; 0 without any. */
    static double rate(DemandSeries history, int window) {
        double[] demand = history.demandArray();
        boolean[] counted = history.countedArray();
        double total = 0;
        int days = 0;
        for (int day = history.length() - 1; day >= 0 && days < window; day--) {
            if (counted[day]) {
                total += demand[day];
                days++;
            }
        }
        return days == 0 ? 0 : total / days;
    }
}
