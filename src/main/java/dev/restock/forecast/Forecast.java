package dev.restock.forecast;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * The forecast of one series: the method chosen for it, the expected demand on each calendar day
 * of the horizon (starting the day after the history ends), the chosen method's backtest score
 * and every candidate's, so a planner can see why this method and how far to trust it.
 *
 * <p>Demand is a {@code double} estimate; the replenishment converts the totals it uses to exact
 * decimals and rounds once.
 */
public record Forecast(String method, double[] dailyDemand, MethodScore backtest, List<MethodScore> candidates) {

    public Forecast {
        requireNonNull(method, "method");
        dailyDemand = dailyDemand.clone();
        requireNonNull(backtest, "backtest");
        candidates = List.copyOf(candidates);
    }

    /** A copy of the expected demand per day. */
    @Override
    public double[] dailyDemand() {
        return dailyDemand.clone();
    }

    public int horizonDays() {
        return dailyDemand.length;
    }

    /** Expected demand on day {@code day} of the horizon (0 = the day after the history). */
    public double demandOn(int day) {
        return dailyDemand[day];
    }

    /** Expected demand over the first {@code days} days of the horizon. */
    public double totalDemand(int days) {
        if (days < 0 || days > dailyDemand.length) {
            throw new IllegalArgumentException(
                    "asked for " + days + " days of a forecast of " + dailyDemand.length + " days");
        }
        double total = 0;
        for (int day = 0; day < days; day++) {
            total += dailyDemand[day];
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Forecast that
                && method.equals(that.method)
                && Arrays.equals(dailyDemand, that.dailyDemand)
                && backtest.equals(that.backtest)
                && candidates.equals(that.candidates);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * method.hashCode() + Arrays.hashCode(dailyDemand)) + backtest.hashCode())
                + candidates.hashCode();
    }

    @Override
    public String toString() {
        return "Forecast[method=" + method + ", days=" + dailyDemand.length + ", total="
                + totalDemand(dailyDemand.length) + ", backtest=" + backtest + "]";
    }
}
