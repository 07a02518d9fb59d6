package dev.restock.forecast;

import java.util.Arrays;

/**
 * Caps daily demand at a robust threshold before forecasting, so one huge order (a wholesaler
 * buying a year's worth at once) does not set the rate for months. The threshold is the median
 * of the non-zero counted days plus {@code k} robust standard deviations (1.4826 times their
 * median absolute deviation), and never below {@code minRatio} times the median, so a series of
 * identical orders is left alone. With fewer than {@code minDays} non-zero days nothing is capped:
 * there is no telling what is usual yet.
 */
public record OutlierDamper(double k, double minRatio, int minDays) {

    private static final double MAD_TO_SIGMA = 1.4826;

    public static OutlierDamper standard() {
        return new OutlierDamper(5, 3, 5);
    }

    /** A damper that changes nothing. */
    public static OutlierDamper none() {
        return new OutlierDamper(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Integer.MAX_VALUE);
    }

    /** The series with every day above {@link #threshold} lowered to it. */
    public DemandSeries damp(DemandSeries series) {
        double cap = threshold(series);
        if (cap == Double.POSITIVE_INFINITY) {
            return series;
        }
        double[] demand = series.demandArray();
        double[] damped = null;
        for (int day = 0; day < series.length(); day++) {
            if (demand[day] > cap) {
                if (damped == null) {
                    damped = Arrays.copyOf(demand, series.length());
                }
                damped[day] = cap;
            }
        }
        return damped == null ? series : series.withDemand(damped);
    }

    /** The cap for this series; infinite when it has too few non-zero days to judge. */
    public double threshold(DemandSeries series) {
        if (minDays == Integer.MAX_VALUE) {
            return Double.POSITIVE_INFINITY;
        }
        double[] values = nonZeroCountedDays(series);
        if (values.length < minDays) {
            return Double.POSITIVE_INFINITY;
        }
        Arrays.sort(values);
        double median = median(values, values.length);
        for (int index = 0; index < values.length; index++) {
            values[index] = Math.abs(values[index] - median);
        }
        Arrays.sort(values);
        double mad = median(values, values.length);
        return Math.max(median + k * MAD_TO_SIGMA * mad, minRatio * median);
    }

    private static double[] nonZeroCountedDays(DemandSeries series) {
        double[] demand = series.demandArray();
        boolean[] counted = series.countedArray();
        int count = 0;
        for (int day = 0; day < series.length(); day++) {
            if (counted[day] && demand[day] > 0) {
                count++;
            }
        }
        double[] values = new double[count];
        int next = 0;
        for (int day = 0; day < series.length(); day++) {
            if (counted[day] && demand[day] > 0) {
                values[next++] = demand[day];
            }
        }
        return values;
    }

    private static double median(double[] sorted, int length) {
        int middle = length / 2;
        return length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
