package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One named step of a replenishment, for {@code plan explain}.
 *
 * @param name what the value is, such as {@code "forecast demand"}
 * @param value the exact result of the step
 * @param how the arithmetic behind it, with the numbers used
 */
public record CalculationStep(String name, BigDecimal value, String how) {

    public CalculationStep {
        requireNonNull(name, "name");
        requireNonNull(value, "value");
        requireNonNull(how, "how");
    }

    @Override
    public String toString() {
        return name + " = " + value.toPlainString() + " (" + how + ")";
    }
}
