package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import dev.restock.forecast.Forecast;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Forecast demand per calendar day as exact decimals; day 0 is the day the plan is made for.
 *
 * <p>The forecast is a {@code double} estimate. It is converted here to decimals of scale
 * {@value #SCALE} (half up), so that every sum the replenishment makes afterwards is exact and the
 * same on every machine. What is rounded is the running total, not each day alone: a day is the
 * rounded total up to it less the rounded total before it. Rounding days alone lets their errors
 * add up, and 930 units spread over 119 days (7.815126... a day) summed to 929.999994.
 */
public record DemandWindow(List<BigDecimal> daily) {

    /** Decimal places kept of each day's forecast, as in the database's numeric(38,6). */
    public static final int SCALE = 6;

    public DemandWindow {
        daily = List.copyOf(daily);
        for (BigDecimal day : daily) {
            if (requireNonNull(day, "day").signum() < 0) {
                throw new IllegalArgumentException("forecast demand cannot be negative: " + day);
            }
        }
    }

    /** The first {@code days} days of a forecast, as decimals whose running totals are rounded. */
    public static DemandWindow of(Forecast forecast, int days) {
        List<BigDecimal> daily = new ArrayList<>(days);
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal rounded = BigDecimal.ZERO;
        for (int day = 0; day < days; day++) {
            exact = exact.add(BigDecimal.valueOf(Math.max(0, forecast.demandOn(day))));
            BigDecimal total = exact.setScale(SCALE, RoundingMode.HALF_UP);
            daily.add(total.subtract(rounded));
            rounded = total;
        }
        return new DemandWindow(daily);
    }

    /** A window of {@code days} days selling {@code perDay} each. */
    public static DemandWindow constant(BigDecimal perDay, int days) {
        return new DemandWindow(Collections.nCopies(days, perDay));
    }

    public int days() {
        return daily.size();
    }

    /** Demand over the first {@code days} days. */
    public BigDecimal total(int days) {
        if (days > daily.size()) {
            throw new IllegalArgumentException(
                    "asked for " + days + " days of demand, the forecast has " + daily.size());
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int day = 0; day < days; day++) {
            total = total.add(daily.get(day));
        }
        return total;
    }
}
