package dev.restock.forecast;

/**
 * Holt's linear method with a damped trend, run on weekly rates (demand per counted day of each
 * week, so a week with a closing day or a stockout is not a dip). Damping makes the trend fade
 * over the horizon instead of running on for ever, which matters for lumpy retail series.
 *
 * <p>The level starts at the mean rate of the first four weeks and the trend at zero; weeks
 * without a counted day are skipped.
 */
public record DampedTrend(double alpha, double beta, double phi, int minWeeks) implements ForecastMethod {

    private static final int INITIAL_WEEKS = 4;

    public DampedTrend {
        if (!(alpha > 0 && alpha <= 1 && beta >= 0 && beta <= 1 && phi >= 0 && phi <= 1)) {
            throw new IllegalArgumentException(
                    "alpha must be in (0, 1], beta and phi in [0, 1]; were " + alpha + ", " + beta + ", " + phi);
        }
    }

    /** Parameters that suit weekly retail data: slow level, slower trend, strong damping. */
    public static DampedTrend standard() {
        return new DampedTrend(0.2, 0.05, 0.9, 8);
    }

    @Override
    public String name() {
        return "damped-trend";
    }

    @Override
    public boolean appliesTo(DemandSeries history) {
        return Horizon.weeks(history.length()) >= minWeeks;
    }

    @Override
    public double[] forecast(DemandSeries history, int horizonDays) {
        double[] weekRates = weekRates(history, Math.max(1, Horizon.weeks(horizonDays + Horizon.WEEK - 1)));
        return Horizon.weeklyRates(history, horizonDays, weekRates);
    }

    /** Forecast demand per counted day for each of the next {@code weeks} weeks. */
    double[] weekRates(DemandSeries history, int weeks) {
        double[] state = smooth(history);
        double level = state[0];
        double trend = state[1];
        double[] weekRates = new double[weeks];
        double damping = 0;
        double power = 1;
        for (int week = 0; week < weekRates.length; week++) {
            power *= phi;
            damping += power;
            weekRates[week] = Math.max(0, level + damping * trend);
        }
        return weekRates;
    }

    /**
     * For each of the next {@code weeks} weeks, the forecast over the current level: how much the
     * trend alone moves the rate. 1 for a history without a positive level.
     */
    double[] growth(DemandSeries history, int weeks) {
        double[] state = smooth(history);
        double level = state[0];
        double trend = state[1];
        double[] growth = new double[weeks];
        double damping = 0;
        double power = 1;
        for (int week = 0; week < weeks; week++) {
            power *= phi;
            damping += power;
            growth[week] = level > 0 ? Math.max(0, level + damping * trend) / level : 1;
        }
        return growth;
    }

    /** Level and trend after the last whole week of the history. */
    private double[] smooth(DemandSeries history) {
        double[] demand = history.demandArray();
        boolean[] counted = history.countedArray();
        int weeks = Horizon.weeks(history.length());
        int start = history.length() - weeks * Horizon.WEEK;
        double[] rates = new double[weeks];
        boolean[] known = new boolean[weeks];
        for (int week = 0; week < weeks; week++) {
            double total = 0;
            int days = 0;
            for (int day = start + week * Horizon.WEEK; day < start + (week + 1) * Horizon.WEEK; day++) {
                if (counted[day]) {
                    total += demand[day];
                    days++;
                }
            }
            known[week] = days > 0;
            rates[week] = days > 0 ? total / days : 0;
        }
        return run(rates, known);
    }

    private double[] run(double[] rates, boolean[] known) {
        double sum = 0;
        int seen = 0;
        int week = 0;
        for (; week < rates.length && seen < INITIAL_WEEKS; week++) {
            if (known[week]) {
                sum += rates[week];
                seen++;
            }
        }
        double level = seen == 0 ? 0 : sum / seen;
        double trend = 0;
        for (; week < rates.length; week++) {
            if (!known[week]) {
                continue;
            }
            double previous = level;
            level = alpha * rates[week] + (1 - alpha) * (level + phi * trend);
            trend = beta * (level - previous) + (1 - beta) * phi * trend;
        }
        return new double[] {level, trend};
    }
}
