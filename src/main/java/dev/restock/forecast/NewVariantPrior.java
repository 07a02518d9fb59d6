package dev.restock.forecast;

import java.util.Arrays;
import java.util.Collection;

/**
 * What a variant with little history is assumed to sell before its own sales say otherwise: a
 * rate per counted day, worth {@code weightDays} counted days of evidence. With n counted days
 * and total demand s, a new variant's rate is {@code (s + weightDays * rate) / (n + weightDays)}:
 * close to the prior on day one, close to its own average after a few weeks.
 */
public record NewVariantPrior(double rate, double weightDays) {

    /** How many first counted days of an established series describe a launch. */
    static final int LAUNCH_DAYS = 28;

    static final double DEFAULT_WEIGHT_DAYS = 14;

    public NewVariantPrior {
        if (!(rate >= 0) || !(weightDays >= 0) || Double.isInfinite(rate) || Double.isInfinite(weightDays)) {
            throw new IllegalArgumentException(
                    "prior rate and weight must be finite and not negative; were " + rate + ", " + weightDays);
        }
    }

    /** No prior: a new variant's forecast is its own average. */
    public static NewVariantPrior none() {
        return new NewVariantPrior(0, 0);
    }

    /**
     * The median launch rate of the given series: demand per counted day over the first {@link
     * #LAUNCH_DAYS} counted days of each series that has that many, damped. Pass the series of one
     * warehouse, as known at the forecast origin; with none long enough, there is no prior.
     */
    public static NewVariantPrior estimate(Collection<DemandSeries> histories, OutlierDamper damper) {
        Builder builder = new Builder();
        histories.forEach(history -> builder.addDamped(damper.damp(history)));
        return builder.build();
    }

    /** Collects launch rates one history at a time; see {@link #estimate}. Not thread-safe. */
    static final class Builder {

        private double[] rates = new double[64];
        private int count;

        /** Adds a history already damped. */
        void addDamped(DemandSeries damped) {
            double rate = launchRate(damped);
            if (!Double.isNaN(rate)) {
                if (count == rates.length) {
                    rates = Arrays.copyOf(rates, count * 2);
                }
                rates[count++] = rate;
            }
        }

        NewVariantPrior build() {
            if (count == 0) {
                return none();
            }
            double[] sorted = Arrays.copyOf(rates, count);
            Arrays.sort(sorted);
            double median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
            return new NewVariantPrior(median, DEFAULT_WEIGHT_DAYS);
        }
    }

    /** Rate with this prior for a history of {@code countedDays} days and {@code demand} units. */
    public double shrink(double demand, int countedDays) {
        double days = countedDays + weightDays;
        return days == 0 ? 0 : (demand + weightDays * rate) / days;
    }

    private static double launchRate(DemandSeries history) {
        double[] demand = history.demandArray();
        boolean[] counted = history.countedArray();
        double total = 0;
        int days = 0;
        for (int day = 0; day < history.length() && days < LAUNCH_DAYS; day++) {
            if (counted[day]) {
                total += demand[day];
                days++;
            }
        }
        return days < LAUNCH_DAYS ? Double.NaN : total / days;
    }
}
