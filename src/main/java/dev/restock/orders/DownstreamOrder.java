package dev.restock.orders;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** The rows of one saved order read back from its connection; none when they vanished. */
public record DownstreamOrder(UUID orderId, List<DownstreamRow> rows) {

    public DownstreamOrder {
        Objects.requireNonNull(orderId, "orderId");
        rows = List.copyOf(rows);
    }

    /**
     * The distinct non-null values of an order field over the rows. One value is what the
     * downstream system says; several mean its rows disagree, which sync reports, not guesses.
     */
    <T> List<T> agreed(Function<DownstreamRow, T> field) {
        return rows.stream().map(field).filter(Objects::nonNull).distinct().toList();
    }
}
