package dev.restock.forecast;

/**
 * Turns rates per trading day into expected demand per calendar day, and sums days into weeks.
 * Weeks are blocks of seven days counted back from the end of a history, so that the last week
 * of a history is always whole.
 */
final class Horizon {

    /** How many recent weeks of the calendar tell which weekdays the store trades on. */
    static final int CALENDAR_WEEKS = 8;

    static final int WEEK = 7;

    private Horizon() {}

    /** {@code rate} on every trading day of the horizon. */
    static double[] constantRate(DemandSeries history, int horizonDays, double rate) {
        double[] shares = tradingShares(history, horizonDays);
        for (int day = 0; day < horizonDays; day++) {
            shares[day] *= rate;
        }
        return shares;
    }

    /** {@code weekRates[w]} on every trading day of horizon week {@code w}; the last rate repeats. */
    static double[] weeklyRates(DemandSeries history, int horizonDays, double[] weekRates) {
        double[] shares = tradingShares(history, horizonDays);
        for (int day = 0; day < horizonDays; day++) {
            shares[day] *= weekRates[Math.min(day / WEEK, weekRates.length - 1)];
        }
        return shares;
    }

    /** For each day of the horizon, the chance that the store trades on it, by weekday. */
    static double[] tradingShares(DemandSeries history, int horizonDays) {
        double[] byWeekday = history.calendar().weekdayShares(history.end(), CALENDAR_WEEKS);
        int firstWeekday = history.end().getDayOfWeek().getValue() - 1;
        double[] shares = new double[horizonDays];
        for (int day = 0; day < horizonDays; day++) {
            shares[day] = byWeekday[(firstWeekday + day) % WEEK];
        }
        return shares;
    }

    /** Number of whole weeks in {@code days} days. */
    static int weeks(int days) {
        return days / WEEK;
    }

    /** Sums of {@code daily} over whole weeks from its start: {@code daily.length / 7} weeks. */
    static double[] weeklyTotals(double[] daily) {
        double[] totals = new double[weeks(daily.length)];
        for (int week = 0; week < totals.length; week++) {
            for (int day = week * WEEK; day < (week + 1) * WEEK; day++) {
                totals[week] += daily[day];
            }
        }
        return totals;
    }

    /** Total demand of the series in week {@code week} after day {@code from}, all days. */
    static double weekTotal(DemandSeries series, int from, int week) {
        return series.total(from + week * WEEK, from + (week + 1) * WEEK);
    }
}
