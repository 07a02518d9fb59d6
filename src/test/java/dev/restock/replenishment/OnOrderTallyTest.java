package dev.restock.replenishment;

import static dev.restock.replenishment.ReplenishmentInputs.decimal;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OnOrderTallyTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 20);
    private static final VariantWarehouse SHIRT_IN_MAIN = new VariantWarehouse(7, 1);

    @Test
    void countsTwoLinesOfOneOrderForTheSameVariantOnceEach() {
        UUID order = UUID.randomUUID();
        List<OnOrderLine> lines = List.of(line(order, "active", "5"), line(order, "active", "3"));

        Map<VariantWarehouse, BigDecimal> onOrder = OnOrderTally.onOrderInWindow(lines, key -> LAST_DAY);

        assertThat(onOrder.get(SHIRT_IN_MAIN)).isEqualByComparingTo("8");
    }

    @Test
    void countsAnOpenPurchaseOrderButNotADraft() {
        List<OnOrderLine> lines =
                List.of(line(UUID.randomUUID(), "draft", "10"), line(UUID.randomUUID(), "active", "4"));

        Map<VariantWarehouse, BigDecimal> onOrder = OnOrderTally.onOrderInWindow(lines, key -> LAST_DAY);

        assertThat(onOrder.get(SHIRT_IN_MAIN)).isEqualByComparingTo("4");
    }

    @Test
    void leavesOutClosedAndCancelledOrders() {
        List<OnOrderLine> lines =
                List.of(line(UUID.randomUUID(), "closed", "10"), line(UUID.randomUUID(), "cancelled", "4"));

        assertThat(OnOrderTally.onOrderInWindow(lines, key -> LAST_DAY)).isEmpty();
    }

    @Test
    void countsOnlyWhatArrivesByTheLastDayOfTheWindowAndIsNotYetReceived() {
        UUID order = UUID.randomUUID();
        List<OnOrderLine> lines = List.of(
                new OnOrderLine(order, 7, 1, "active", LAST_DAY, decimal("6"), decimal("2")),
                new OnOrderLine(order, 7, 1, "active", LAST_DAY.plusDays(1), decimal("50"), BigDecimal.ZERO),
                new OnOrderLine(order, 7, 1, "active", null, decimal("1"), BigDecimal.ZERO));

        Map<VariantWarehouse, BigDecimal> onOrder = OnOrderTally.onOrderInWindow(lines, key -> LAST_DAY);

        assertThat(onOrder.get(SHIRT_IN_MAIN)).isEqualByComparingTo("5");
    }

    private static OnOrderLine line(UUID order, String statusType, String quantity) {
        return new OnOrderLine(order, 7, 1, statusType, LAST_DAY.minusDays(5), decimal(quantity), BigDecimal.ZERO);
    }
}
