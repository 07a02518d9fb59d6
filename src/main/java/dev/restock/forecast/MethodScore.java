package dev.restock.forecast;

/**
 * How one method did in a series' rolling-origin backtest: the absolute error of its weekly
 * totals and the actual demand of those weeks, summed over {@code origins} origins.
 */
public record MethodScore(String method, double absoluteError, double actualDemand, int origins) {

    /** A method that was not backtested (too little history). */
    static MethodScore notBacktested(String method) {
        return new MethodScore(method, Double.NaN, Double.NaN, 0);
    }

    public boolean backtested() {
        return origins > 0;
    }

    /**
     * Absolute error over actual demand; infinite when nothing sold and the method forecast
     * something, 0 when both were nothing, NaN when not backtested.
     */
    public double wape() {
        if (!backtested()) {
            return Double.NaN;
        }
        if (actualDemand == 0) {
            return absoluteError == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return absoluteError / actualDemand;
    }
}
