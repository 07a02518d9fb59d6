package dev.restock.forecast;

/**
 * The variant's recent average, moved by the trend of its whole warehouse: the warehouse's total
 * demand goes through the same damped Holt smoothing as {@link DampedTrend}, and each horizon
 * week's variant rate is the variant's recent rate times the warehouse's forecast for that week
 * over the warehouse's current smoothed level. A season's ramp shows in the total weeks before
 * any single variant's sales can prove it, and one variant's noise cannot fake a trend. The
 * growth factor is kept within [{@link #MIN_GROWTH}, {@link #MAX_GROWTH}].
 */
public record PooledTrend(WarehousePool pool, int window, DampedTrend trend) implements ForecastMethod {

    static final double MIN_GROWTH = 0.5;
    static final double MAX_GROWTH = 2;

    public static PooledTrend standard(WarehousePool pool) {
        return new PooledTrend(pool, 28, DampedTrend.standard());
    }

    @Override
    public String name() {
        return "pooled-trend";
    }

    @Override
    public double[] forecast(DemandSeries history, int horizonDays) {
        double rate = RecentAverage.rate(history, window);
        DemandSeries total = pool.totalUntil(history.end());
        int weeks = Math.max(1, Horizon.weeks(horizonDays + Horizon.WEEK - 1));
        double[] weekRates = new double[weeks];
        if (!trend.appliesTo(total)) {
            java.util.Arrays.fill(weekRates, rate);
            return Horizon.weeklyRates(history, horizonDays, weekRates);
        }

        double[] growth = trend.growth(total, weeks);
        for (int week = 0; week < weeks; week++) {
            weekRates[week] = rate * Math.clamp(growth[week], MIN_GROWTH, MAX_GROWTH);
        }
        return Horizon.weeklyRates(history, horizonDays, weekRates);
    }
}
