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
        return capped(series, threshold(series));
    }

    /** The series with every day above {@code cap} lowered to it: {@link #damp} given its cap. */
    static DemandSeries capped(DemandSeries series, double cap) {
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

    /**
     * The {@link #threshold} of each of the series' first {@code ends[i]} days, for ends in
     * ascending order: exactly {@code threshold(series.truncate(ends[i]))}, but the non-zero days
     * are sorted once and each later end only inserts its new days, and the median absolute
     * deviation is read off the two sorted runs on either side of the median instead of sorting
     * the deviations again. A backtest needs the cap of every origin's training history, and
     * these histories are prefixes of one another.
     */
    double[] thresholds(DemandSeries series, int[] ends) {
        double[] caps = new double[ends.length];
        if (minDays == Integer.MAX_VALUE) {
            Arrays.fill(caps, Double.POSITIVE_INFINITY);
            return caps;
        }
        double[] demand = series.demandArray();
        boolean[] counted = series.countedArray();
        double[] sorted = nonZeroCountedDays(series.truncate(ends.length == 0 ? 0 : ends[0]));
        Arrays.sort(sorted);
        int size = sorted.length;
        int day = ends.length == 0 ? 0 : ends[0];
        for (int index = 0; index < ends.length; index++) {
            if (index > 0 && ends[index] < ends[index - 1]) {
                throw new IllegalArgumentException(
                        "ends must ascend; " + ends[index] + " came after " + ends[index - 1]);
            }
            for (; day < ends[index]; day++) {
                if (counted[day] && demand[day] > 0) {
                    if (size == sorted.length) {
                        sorted = Arrays.copyOf(sorted, Math.max(8, size * 2));
                    }
                    insert(sorted, size++, demand[day]);
                }
            }
            caps[index] = size < minDays ? Double.POSITIVE_INFINITY : cap(sorted, size);
        }
        return caps;
    }

    /** The cap of {@link #threshold} from the first {@code size} values, sorted ascending. */
    private double cap(double[] sorted, int size) {
        double median = median(sorted, size);
        int above = Arrays.binarySearch(sorted, 0, size, Math.nextUp(median));
        above = above < 0 ? -above - 1 : above;
        while (above > 0 && sorted[above - 1] > median) {
            above--;
        }
        // Deviations grow leftwards from above - 1 and rightwards from above; merge to the middle.
        int left = above - 1;
        int right = above;
        double previous = 0;
        double current = 0;
        for (int rank = 0; rank <= size / 2; rank++) {
            previous = current;
            double fromLeft = left >= 0 ? Math.abs(sorted[left] - median) : Double.POSITIVE_INFINITY;
            double fromRight = right < size ? Math.abs(sorted[right] - median) : Double.POSITIVE_INFINITY;
            if (fromLeft <= fromRight) {
                current = fromLeft;
                left--;
            } else {
                current = fromRight;
                right++;
            }
        }
        double mad = size % 2 == 1 ? current : (previous + current) / 2;
        return Math.max(median + k * MAD_TO_SIGMA * mad, minRatio * median);
    }

    private static void insert(double[] sorted, int size, double value) {
        int at = Arrays.binarySearch(sorted, 0, size, value);
        at = at < 0 ? -at - 1 : at;
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = value;
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
