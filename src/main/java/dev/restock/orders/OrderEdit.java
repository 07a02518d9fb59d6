package dev.restock.orders;

import java.math.BigDecimal;
import java.util.List;

/**
 * Changes to the lines of an editable order, applied together in one transaction (all or none),
 * in this order: quantities, removals, additions.
 */
public record OrderEdit(List<QuantityChange> quantities, List<String> removals, List<NewOrderLine> additions) {

    /** A new ordered quantity for a line. */
    public record QuantityChange(String lineItemId, BigDecimal quantity) {}

    public OrderEdit {
        quantities = List.copyOf(quantities);
        removals = List.copyOf(removals);
        additions = List.copyOf(additions);
    }

    public boolean isEmpty() {
        return quantities.isEmpty() && removals.isEmpty() && additions.isEmpty();
    }
}
