package dev.restock.forecast;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variant's recent average, moved by the trend of its whole warehouse: the warehouse's total
 * demand goes through the same damped Holt smoothing as {@link DampedTrend}, and each horizon
 * week's variant rate is the variant's recent rate times the warehouse's forecast for that week
 * over the warehouse's current smoothed level. A season's ramp shows in the total weeks before
 * any single variant's sales can prove it, and one variant's noise cannot fake a trend. The
 * growth factor is kept within [{@link #MIN_GROWTH}, {@link #MAX_GROWTH}].
 *
 * <p>The warehouse's growth depends only on the day a history ends, so it is computed once per
 * end day and shared by every series of the warehouse. Thread-safe.
 */
public final class PooledTrend implements ForecastMethod {

    static final double MIN_GROWTH = 0.5;
    static final double MAX_GROWTH = 2;

    private final WarehousePool pool;
    private final int window;
    private final DampedTrend trend;
    private final Map<Long, double[]> growthByEndAndWeeks = new ConcurrentHashMap<>();

    public PooledTrend(WarehousePool pool, int window, DampedTrend trend) {
        this.pool = requireNonNull(pool, "pool");
        this.window = window;
        this.trend = requireNonNull(trend, "trend");
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least one day, was " + window);
        }
    }

    /** The variant's last 28 counted days, moved by the standard damped trend of its warehouse. */
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
        int weeks = Math.max(1, Horizon.weeks(horizonDays + Horizon.WEEK - 1));
        double[] growth = growth(pool.total().indexOf(history.end()), weeks);
        double[] weekRates = new double[weeks];
        for (int week = 0; week < weeks; week++) {
            weekRates[week] = rate * growth[week];
        }
        return Horizon.weeklyRates(history, horizonDays, weekRates);
    }

    /** The warehouse's growth for each of {@code weeks} weeks after its first {@code end} days. */
    private double[] growth(int end, int weeks) {
        long key = ((long) end << 20) | weeks;
        return growthByEndAndWeeks.computeIfAbsent(key, ignored -> {
            DemandSeries total =
                    pool.total().truncate(Math.clamp(end, 0, pool.total().length()));
            double[] growth = new double[weeks];
            if (!trend.appliesTo(total)) {
                Arrays.fill(growth, 1);
                return growth;
            }
            growth = trend.growth(total, weeks);
            for (int week = 0; week < weeks; week++) {
                growth[week] = Math.clamp(growth[week], MIN_GROWTH, MAX_GROWTH);
            }
            return growth;
        });
    }
}
