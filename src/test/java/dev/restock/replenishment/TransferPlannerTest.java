package dev.restock.replenishment;

import static dev.restock.replenishment.ReplenishmentInputs.decimal;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransferPlannerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void movesOneFromAWarehouseHoldingThreeAndKeepsTheTotal() {
        // EAST keeps a minimum of 2 and holds 3: 1 over. WEST keeps a minimum of 1 and holds 0.
        ReplenishmentResult east = result("EAST", "2", "3");
        ReplenishmentResult west = result("WEST", "1", "0");

        List<TransferSuggestion> transfers = TransferPlanner.suggest(List.of(east, west));
        Map<String, BigDecimal> after =
                transfers.getFirst().applyTo(Map.of("EAST", decimal("3"), "WEST", BigDecimal.ZERO));

        assertThat(transfers).containsExactly(new TransferSuggestion(1, "SKU-1", "EAST", "WEST", decimal("1")));
        assertThat(after.get("EAST")).isEqualByComparingTo("2");
        assertThat(after.get("WEST")).isEqualByComparingTo("1");
        assertThat(after.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("3");
    }

    @Test
    void movesNoMoreThanTheDestinationNeeds() {
        ReplenishmentResult east = result("EAST", "0", "10");
        ReplenishmentResult west = result("WEST", "4", "0");

        List<TransferSuggestion> transfers = TransferPlanner.suggest(List.of(west, east));

        assertThat(transfers).containsExactly(new TransferSuggestion(1, "SKU-1", "EAST", "WEST", decimal("4")));
    }

    @Test
    void suggestsNothingWhenNoWarehouseIsOverstocked() {
        List<TransferSuggestion> transfers =
                TransferPlanner.suggest(List.of(result("EAST", "2", "2"), result("WEST", "1", "0")));

        assertThat(transfers).isEmpty();
    }

    private static ReplenishmentResult result(String warehouse, String minStock, String available) {
        ReplenishmentInput input = new ReplenishmentInput(
                1,
                "SKU-1",
                warehouse,
                ReplenishmentInputs.UTC,
                DemandWindow.constant(BigDecimal.ZERO, 10),
                StockPolicy.of(3, 7).withMinStock(decimal(minStock)),
                StockPosition.available(decimal(available)),
                BigDecimal.ZERO,
                VendorTerms.none(),
                BigDecimal.ZERO);
        return ReplenishmentCalculator.calculate(input, TODAY);
    }
}
