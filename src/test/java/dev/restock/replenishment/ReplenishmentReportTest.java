package dev.restock.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.DatabaseTest;
import dev.restock.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReplenishmentReportTest extends DatabaseTest {

    @Autowired
    ReplenishmentReport report;

    @BeforeEach
    void nestedKit() {
        // Kit A = 1 B + 1 C, assembly B = 1 C, in one warehouse; no sales, so no forecast demand.
        jdbc.sql("insert into warehouses (code, name) values ('MAIN', 'Main')").update();
        jdbc.sql("insert into trading_days (warehouse_id, day) values (1, date '2024-03-01')")
                .update();
        jdbc.sql("insert into variants (sku, title, type) values ('A', 'Kit A', 'assembly'),"
                        + " ('B', 'Part B', 'assembly'), ('C', 'Part C', 'simple')")
                .update();
        jdbc.sql("insert into components (variant_id, component_variant_id, quantity) values (1, 2, 1), (1, 3, 1),"
                        + " (2, 3, 1)")
                .update();
    }

    @Test
    void passesComponentNeedsDownOneLevelAtATime() {
        // A needs 10 (minimum stock). B: 10 for A, less 3 in stock = 7 to build. C: 10 for A itself
        // plus 7 to build the missing B = 17; never 20 (B's stock ignored) nor 27 (A counted twice).
        jdbc.sql("insert into variant_warehouses (variant_id, warehouse_id, min_stock, available) values"
                        + " (1, 1, 10, 0), (2, 1, 0, 3)")
                .update();

        Map<String, ReplenishmentRow> rows = bySku();

        assertThat(rows.get("A").replenishment()).isEqualByComparingTo("10");
        assertThat(rows.get("B").componentNeeds()).isEqualByComparingTo("10");
        assertThat(rows.get("B").replenishment()).isEqualByComparingTo("7");
        assertThat(rows.get("C").componentNeeds())
                .as("C has no row of its own: planned as a component")
                .isEqualByComparingTo("17");
        assertThat(rows.get("C").replenishment()).isEqualByComparingTo("17");
        assertThat(rows.get("C").warehouse()).isEqualTo("MAIN");
    }

    @Test
    void keepsFractionalComponentQuantitiesExact() {
        jdbc.sql("update components set quantity = 0.125 where variant_id = 1 and component_variant_id = 3")
                .update();
        jdbc.sql("insert into variant_warehouses (variant_id, warehouse_id, min_stock, available) values"
                        + " (1, 1, 10, 0), (2, 1, 10, 0)")
                .update();

        // C: 10 A x 0.125 + 20 B to build x 1 = 21.25.
        assertThat(bySku().get("C").componentNeeds()).isEqualByComparingTo("21.25");
    }

    @Test
    void explainsEachStepWithItsInputs() {
        jdbc.sql("insert into variant_warehouses (variant_id, warehouse_id, min_stock, available) values"
                        + " (1, 1, 10, 0), (2, 1, 0, 3)")
                .update();

        ReplenishmentExplanation explanation = report.explain("B", "main");

        assertThat(explanation.inputs().available()).isEqualByComparingTo("3");
        assertThat(explanation.inputs().componentNeeds()).isEqualByComparingTo("10");
        assertThat(explanation.inputs().planDate()).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(explanation.steps())
                .extracting(CalculationStep::name)
                .contains("forecast demand", "need", "net", "replenishment", "to order");
        assertThat(explanation.line().replenishment()).isEqualByComparingTo(BigDecimal.valueOf(7));
    }

    @Test
    void refusesToExplainAnUnknownSkuOrWarehouse() {
        assertThatThrownBy(() -> report.explain("NOPE", "MAIN"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no variant with SKU 'NOPE'");
        assertThatThrownBy(() -> report.explain("A", "NOWHERE"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no warehouse 'NOWHERE'");
    }

    private Map<String, ReplenishmentRow> bySku() {
        return report.rows().stream().collect(Collectors.toMap(ReplenishmentRow::sku, Function.identity()));
    }
}
