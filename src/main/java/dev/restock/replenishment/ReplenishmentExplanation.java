package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Why one line of the report is what it is: its inputs and each step of the arithmetic, for
 * {@code plan explain}.
 */
public record ReplenishmentExplanation(ReplenishmentRow line, Inputs inputs, List<CalculationStep> steps) {

    public ReplenishmentExplanation {
        requireNonNull(line, "line");
        requireNonNull(inputs, "inputs");
        steps = List.copyOf(steps);
    }

    /**
     * @param maxStock null when there is no maximum
     * @param inTransit stock moving between warehouses, including {@code transferIn}
     */
    public record Inputs(
            LocalDate planDate,
            String timeZone,
            String forecastMethod,
            BigDecimal forecastFirstDay,
            int leadTimeDays,
            int daysOfStock,
            BigDecimal minStock,
            BigDecimal maxStock,
            BigDecimal available,
            BigDecimal inTransit,
            BigDecimal onOrderInWindow,
            BigDecimal componentNeeds,
            String vendor,
            BigDecimal moq,
            BigDecimal orderMultiple,
            BigDecimal unitPrice) {

        static Inputs of(ReplenishmentInput input, LocalDate planDate, String method, String vendor) {
            return new Inputs(
                    planDate,
                    input.timeZone().getId(),
                    method,
                    input.demand().days() == 0
                            ? BigDecimal.ZERO
                            : input.demand().daily().getFirst(),
                    input.leadTimeDays(),
                    input.policy().daysOfStock(),
                    input.policy().minStock(),
                    input.policy().maxStock().orElse(null),
                    input.position().available(),
                    input.position().inTransit(),
                    input.position().onOrderInWindow(),
                    input.componentNeeds(),
                    vendor,
                    input.vendor().moq(),
                    input.vendor().orderMultiple(),
                    input.unitPrice());
        }
    }
}
