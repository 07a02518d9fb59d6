package dev.restock.forecast;

/**
 * For a variant with too little history to backtest: its average per counted day, shrunk
 * towards the {@link NewVariantPrior}, so three days after launch one lucky order neither sets
 * the rate nor is ignored.
 */
public record NewVariantAverage(NewVariantPrior prior) implements ForecastMethod {

    @Override
    public String name() {
        return "new-variant";
    }

    @Override
    public double[] forecast(DemandSeries history, int horizonDays) {
        double[] demand = history.demandArray();
        boolean[] counted = history.countedArray();
        double total = 0;
        int days = 0;
        for (int day = 0; day < history.length(); day++) {
            if (counted[day]) {
                total += demand[day];
                days++;
            }
        }
        return Horizon.constantRate(history, horizonDays, prior.shrink(total, days));
    }
}
