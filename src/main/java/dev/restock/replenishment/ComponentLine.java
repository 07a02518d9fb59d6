package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/** One line of a bill of materials: {@code quantity} of the component per unit of the kit. */
public record ComponentLine(long kitId, long componentId, BigDecimal quantity) {

    public ComponentLine {
        if (requireNonNull(quantity, "quantity").signum() <= 0) {
            throw new IllegalArgumentException("component quantity must be positive: " + quantity);
        }
        if (kitId == componentId) {
            throw new IllegalArgumentException("variant " + kitId + " cannot be its own component");
        }
    }
}
