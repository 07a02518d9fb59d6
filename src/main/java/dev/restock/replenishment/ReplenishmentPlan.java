package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A computed replenishment report.
 *
 * @param planDate the day planned for: the first forecast day; null when there is no history
 * @param computedAt when it was computed (UTC)
 * @param lines every variant and warehouse, soonest replenishment date first
 * @param transfers suggested moves from overstocked warehouses to short ones
 */
public record ReplenishmentPlan(
        LocalDate planDate, Instant computedAt, List<ReplenishmentRow> lines, List<TransferSuggestion> transfers) {

    public ReplenishmentPlan {
        requireNonNull(computedAt, "computedAt");
        lines = List.copyOf(lines);
        transfers = List.copyOf(transfers);
    }

    /** The counts a {@code replenishment.completed} event carries. */
    public Counts counts() {
        long toOrder = lines.stream().filter(row -> row.toOrder().signum() > 0).count();
        long orderNow = lines.stream()
                .filter(row -> row.status().equals(LineStatus.ORDER_NOW.code()))
                .count();
        long overstock = lines.stream()
                .filter(row -> row.status().equals(LineStatus.OVERSTOCK.code()))
                .count();
        return new Counts(lines.size(), toOrder, orderNow, overstock, transfers.size());
    }

    public record Counts(long lines, long linesToOrder, long orderNow, long overstock, long transfers) {}
}
