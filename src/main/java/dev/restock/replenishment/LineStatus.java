package dev.restock.replenishment;

import dev.restock.RestockException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a report line asks of the planner, for filtering. Every line has exactly one status,
 * tested in this order:
 *
 * <ul>
 *   <li>{@code order-now}: there is something to order and its replenishment date is today or
 *       past (or it is short of minimum stock without any forecast sell-out date);
 *   <li>{@code order-soon}: there is something to order, by a replenishment date after today;
 *   <li>{@code overstock}: the stock position exceeds maximum stock, or, without a maximum, is more
 *       than twice what the window needs (any stock of a variant that needs nothing);
 *   <li>{@code ok}: everything else.
 * </ul>
 */
public enum LineStatus {
    ORDER_NOW,
    ORDER_SOON,
    OVERSTOCK,
    OK;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The status of a code such as {@code order-now}, or a one-line error naming the choices. */
    public static LineStatus fromCode(String code) {
        return Arrays.stream(values())
                .filter(status -> status.code().equalsIgnoreCase(code.trim()))
                .findFirst()
                .orElseThrow(() -> new RestockException(
                        "Unknown status '" + code + "'. Use one of: order-now, order-soon, overstock, ok."));
    }

    static LineStatus of(ReplenishmentResult result, ReplenishmentInput input) {
        if (result.toOrder().signum() > 0) {
            Optional<LocalDate> orderBy = result.replenishmentDate();
            return orderBy.isEmpty() || !orderBy.get().isAfter(result.today()) ? ORDER_NOW : ORDER_SOON;
        }
        BigDecimal position = input.position().total();
        BigDecimal need = result.step("need").value();
        boolean overstocked = input.policy()
                .maxStock()
                .map(max -> position.compareTo(max) > 0)
                .orElse(position.signum() > 0 && position.compareTo(need.add(need)) > 0);
        return overstocked ? OVERSTOCK : OK;
    }
}
