package dev.restock.forecast;

/**
 * The same weeks a year earlier, scaled to the recent level: the rate of each horizon week a year
 * back (52 weeks, so weekdays line up), smoothed over it and its two neighbours, divided by the
 * rate over the {@code window} days before the origin a year back, times the recent rate over
 * the last {@code window} days. Needs a year plus the window of history.
 *
 * <p>The seasonal index is capped at {@link #MAX_INDEX} so that a year-earlier window with almost
 * no sales cannot multiply the forecast without bound.
 */
public record SeasonalScaled(int window) implements ForecastMethod {

    static final int YEAR = 364;
    static final double MAX_INDEX = 4;

    public SeasonalScaled {
        if (window < Horizon.WEEK) {
            throw new IllegalArgumentException("window must be at least a week, was " + window);
        }
    }

    public static SeasonalScaled standard() {
        return new SeasonalScaled(56);
    }

    @Override
    public String name() {
        return "seasonal";
    }

    @Override
    public boolean appliesTo(DemandSeries history) {
        return history.length() >= YEAR + window;
    }

    @Override
    public double[] forecast(DemandSeries history, int horizonDays) {
        int end = history.length();
        double recent = rateBetween(history, end - window, end);
        double yearAgoBase = rateBetween(history, end - YEAR - window, end - YEAR);
        if (Double.isNaN(recent)) {
            recent = 0;
        }
        if (Double.isNaN(yearAgoBase) || yearAgoBase == 0) {
            return Horizon.constantRate(history, horizonDays, recent);
        }

        double[] weekRates = new double[Math.max(1, Horizon.weeks(horizonDays + Horizon.WEEK - 1))];
        for (int week = 0; week < weekRates.length; week++) {
            int from = end - YEAR + (week - 1) * Horizon.WEEK;
            double yearAgo = rateBetween(history, from, from + 3 * Horizon.WEEK);
            double index = Double.isNaN(yearAgo) ? 1 : Math.min(MAX_INDEX, yearAgo / yearAgoBase);
            weekRates[week] = recent * index;
        }
        return Horizon.weeklyRates(history, horizonDays, weekRates);
    }

    /** Demand per counted day over days [from, to) clipped to the history; NaN with none. */
    private static double rateBetween(DemandSeries history, int from, int to) {
        double[] demand = history.demandArray();
        boolean[] counted = history.countedArray();
        double total = 0;
        int days = 0;
        for (int day = Math.max(0, from); day < Math.min(to, history.length()); day++) {
            if (counted[day]) {
                total += demand[day];
                days++;
            }
        }
        return days == 0 ? Double.NaN : total / days;
    }
}
