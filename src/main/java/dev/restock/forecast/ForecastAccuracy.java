package dev.restock.forecast;

/**
 * Accumulates the accuracy of one method over many series, on weekly totals: WAPE (the sum of
 * absolute errors over the sum of actual demand, so big sellers weigh more) and MASE (each
 * series' mean absolute error divided by the mean absolute week-to-week change of its training
 * weeks, then averaged over the series where that change is not zero). Not thread-safe.
 */
final class ForecastAccuracy {

    private double absoluteError;
    private double forecastDemand;
    private double actualDemand;
    private double scaledErrorSum;
    private int scaledSeries;

    /** Adds one series: forecast and actual weekly totals, and the MASE scale (0 for none). */
    void add(double[] forecastWeeks, double[] actualWeeks, double scale) {
        double error = ForecastSelector.absoluteError(forecastWeeks, actualWeeks);
        absoluteError += error;
        for (int week = 0; week < actualWeeks.length; week++) {
            actualDemand += actualWeeks[week];
            forecastDemand += forecastWeeks[week];
        }
        if (scale > 0) {
            scaledErrorSum += error / actualWeeks.length / scale;
            scaledSeries++;
        }
    }

    double wape() {
        return actualDemand == 0 ? Double.NaN : absoluteError / actualDemand;
    }

    /** Total forecast over total actual, less one: negative when forecasts fell short. */
    double bias() {
        return actualDemand == 0 ? Double.NaN : forecastDemand / actualDemand - 1;
    }

    double mase() {
        return scaledSeries == 0 ? Double.NaN : scaledErrorSum / scaledSeries;
    }

    double absoluteError() {
        return absoluteError;
    }

    double actualDemand() {
        return actualDemand;
    }

    int scaledSeries() {
        return scaledSeries;
    }

    /** In-sample one-week naive error of the whole weeks before {@code end}: the MASE scale. */
    static double naiveScale(DemandSeries series, int end) {
        int weeks = Horizon.weeks(end);
        if (weeks < 2) {
            return 0;
        }
        int start = end - weeks * Horizon.WEEK;
        double previous = series.total(start, start + Horizon.WEEK);
        double change = 0;
        for (int week = 1; week < weeks; week++) {
            double current = Horizon.weekTotal(series, start, week);
            change += Math.abs(current - previous);
            previous = current;
        }
        return change / (weeks - 1);
    }
}
