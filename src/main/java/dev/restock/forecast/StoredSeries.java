package dev.restock.forecast;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One variant's demand in one warehouse as read, kept small while every series of the catalog
 * waits in memory between the two passes of {@link DemandForecaster#forecastAll}: only the days
 * with net demand, as offsets from {@code firstDay}, and the demand on them. {@link #expand()}
 * gives the {@link VariantSeries} that {@link DemandHistory#forEach} gives for the same rows.
 * Immutable once built (the arrays are never written after construction).
 */
record StoredSeries(
        long variantId,
        String sku,
        long warehouseId,
        String warehouse,
        LocalDate firstDay,
        int length,
        char[] days,
        double[] demand,
        TradingCalendar calendar) {

    /** The longest series this form holds: day offsets are stored as {@code char}. */
    static final int MAX_LENGTH = Character.MAX_VALUE + 1;

    StoredSeries {
        requireNonNull(sku, "sku");
        requireNonNull(warehouse, "warehouse");
        requireNonNull(firstDay, "firstDay");
        requireNonNull(calendar, "calendar");
        if (days.length != demand.length || length > MAX_LENGTH) {
            throw new IllegalArgumentException("a stored series needs one demand per day and at most "
                    + MAX_LENGTH + " days; had " + days.length + " days, " + demand.length + " demands, length "
                    + length);
        }
    }

    /** Approximate heap this series holds, for the memory budget of a whole read. */
    long bytes() {
        return 96 + 2L * days.length + 8L * demand.length;
    }

    VariantSeries expand() {
        double[] daily = new double[length];
        for (int index = 0; index < days.length; index++) {
            daily[days[index]] = demand[index];
        }
        return new VariantSeries(variantId, sku, warehouseId, warehouse, DemandSeries.of(firstDay, daily, calendar));
    }

    /** Variant, then warehouse: the order of {@link DemandHistory#forEach}. */
    static int compareKeys(StoredSeries one, StoredSeries other) {
        int byVariant = Long.compare(one.variantId, other.variantId);
        return byVariant != 0 ? byVariant : Long.compare(one.warehouseId, other.warehouseId);
    }
}
