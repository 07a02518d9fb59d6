package dev.restock.forecast;

/**
 * One way to forecast a demand series. Implementations are stateless and thread-safe, read only
 * the days of the history they are given (so a backtest that hands them a truncated series cannot
 * leak the future into them), and run in time proportional to the history's length.
 */
public interface ForecastMethod {

    /** Short stable name shown in reports and stored with a forecast, e.g. {@code sba}. */
    String name();

    /** Whether the history is long enough for this method (a seasonal one needs a year). */
    default boolean appliesTo(DemandSeries history) {
        return true;
    }

    /**
     * Expected demand on each of the {@code horizonDays} calendar days after the history's last
     * day: a rate per trading day times the chance that the day is a trading day. Never negative.
     */
    double[] forecast(DemandSeries history, int horizonDays);
}
