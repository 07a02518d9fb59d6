package dev.restock.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * What the forecast learns from all series of one warehouse at once, as known at the end of the
 * histories it was built from: the {@link NewVariantPrior} for variants with little history and
 * the warehouse's total (damped) demand per day, whose trend is far steadier than any one
 * variant's. Build it from the same histories that will be forecast, truncated at the same day,
 * so that a backtest's pool knows nothing of its hold-out.
 */
public record WarehousePool(NewVariantPrior prior, DemandSeries total) {

    /** A pool for tests and one-off forecasts: no prior, and the series is its own total. */
    public static WarehousePool of(DemandSeries history) {
        return new WarehousePool(NewVariantPrior.none(), history);
    }

    /** The pool of the given histories (one warehouse, one calendar), damped as forecasts are. */
    public static WarehousePool estimate(Collection<DemandSeries> histories, OutlierDamper damper) {
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("a warehouse pool needs at least one series");
        }
        LocalDate first = LocalDate.MAX;
        LocalDate end = LocalDate.MIN;
        TradingCalendar calendar = null;
        for (DemandSeries history : histories) {
            first = history.firstDay().isBefore(first) ? history.firstDay() : first;
            end = history.end().isAfter(end) ? history.end() : end;
            calendar = history.calendar();
        }

        double[] total = new double[(int) ChronoUnit.DAYS.between(first, end)];
        for (DemandSeries history : histories) {
            DemandSeries damped = damper.damp(history);
            int offset = (int) ChronoUnit.DAYS.between(first, history.firstDay());
            for (int day = 0; day < damped.length(); day++) {
                total[offset + day] += damped.demandArray()[day];
            }
        }
        return new WarehousePool(NewVariantPrior.estimate(histories, damper), DemandSeries.of(first, total, calendar));
    }
}
