package dev.restock.forecast;

/**
 * Croston's method for intermittent demand, with the Syntetos-Boylan correction when {@code
 * corrected} (SBA). It smooths the size of non-zero demands and the interval between them
 * separately, in counted days, and forecasts size / interval per counted day; SBA multiplies by
 * {@code 1 - alpha / 2} to remove Croston's upward bias.
 *
 * <p>Both estimates start at their means over the whole history (mean non-zero size, counted days
 * per non-zero day) and are then updated at every non-zero day, oldest first.
 */
public record Croston(double alpha, boolean corrected) implements ForecastMethod {

    public Croston {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
        }
    }

    /** SBA with the smoothing constant usual for daily retail data. */
    public static Croston sba() {
        return new Croston(0.1, true);
    }

    @Override
    public String name() {
        return corrected ? "sba" : "croston";
    }

    @Override
    public double[] forecast(DemandSeries history, int horizonDays) {
        return Horizon.constantRate(history, horizonDays, rate(history));
    }

    /** Forecast demand per counted day; 0 for a history without demand. */
    double rate(DemandSeries history) {
        double[] demand = history.demandArray();
        boolean[] counted = history.countedArray();
        int countedDays = 0;
        int demandDays = 0;
        double demandTotal = 0;
        for (int day = 0; day < history.length(); day++) {
            if (counted[day]) {
                countedDays++;
                if (demand[day] > 0) {
                    demandDays++;
                    demandTotal += demand[day];
                }
            }
        }
        if (demandDays == 0) {
            return 0;
        }

        double size = demandTotal / demandDays;
        double interval = (double) countedDays / demandDays;
        int sinceLast = 0;
        for (int day = 0; day < history.length(); day++) {
            if (!counted[day]) {
                continue;
            }
            sinceLast++;
            if (demand[day] > 0) {
                size += alpha * (demand[day] - size);
                interval += alpha * (sinceLast - interval);
                sinceLast = 0;
            }
        }

        double rate = size / interval;
        return corrected ? rate * (1 - alpha / 2) : rate;
    }
}
