package dev.restock.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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
        Builder builder = new Builder(damper);
        histories.forEach(builder::add);
        return builder.build();
    }

    /**
     * Builds a pool one history at a time, so the histories need not all be in memory at once.
     * Gives exactly what {@link #estimate} gives for the same histories in the same order (the
     * same sums in the same order). Not thread-safe.
     */
    public static final class Builder {

        private final OutlierDamper damper;
        private final NewVariantPrior.Builder prior;
        private LocalDate origin;
        private double[] total = new double[0];
        private LocalDate first = LocalDate.MAX;
        private LocalDate end = LocalDate.MIN;
        private TradingCalendar calendar;

        public Builder(OutlierDamper damper) {
            this.damper = damper;
            this.prior = new NewVariantPrior.Builder();
        }

        public void add(DemandSeries history) {
            addDamped(history, damper.damp(history));
        }

        /**
         * Adds a history with {@code damped}, what this builder's damper gives for it: the damping
         * of many histories can run on every core while they are added in order on one thread.
         */
        void addDamped(DemandSeries history, DemandSeries damped) {
            first = history.firstDay().isBefore(first) ? history.firstDay() : first;
            end = history.end().isAfter(end) ? history.end() : end;
            calendar = history.calendar();
            prior.addDamped(damped);
            cover(history.firstDay(), history.end());
            int offset = (int) ChronoUnit.DAYS.between(origin, history.firstDay());
            double[] demand = damped.demandArray();
            for (int day = 0; day < damped.length(); day++) {
                total[offset + day] += demand[day];
            }
        }

        /** @throws IllegalArgumentException when no history was added */
        public WarehousePool build() {
            if (calendar == null) {
                throw new IllegalArgumentException("a warehouse pool needs at least one series");
            }
            int from = (int) ChronoUnit.DAYS.between(origin, first);
            double[] days = Arrays.copyOfRange(total, from, from + (int) ChronoUnit.DAYS.between(first, end));
            return new WarehousePool(prior.build(), DemandSeries.of(first, days, calendar));
        }

        /** Grows the running total so that it covers the days from {@code from} to {@code until}. */
        private void cover(LocalDate from, LocalDate until) {
            if (origin == null) {
                origin = from;
            }
            LocalDate newOrigin = from.isBefore(origin) ? from : origin;
            int needed = (int) ChronoUnit.DAYS.between(newOrigin, until);
            int shift = (int) ChronoUnit.DAYS.between(newOrigin, origin);
            if (shift > 0 || needed > total.length) {
                double[] grown = new double[Math.max(needed, total.length + shift)];
                System.arraycopy(total, 0, grown, shift, total.length);
                total = grown;
                origin = newOrigin;
            }
        }
    }
}
