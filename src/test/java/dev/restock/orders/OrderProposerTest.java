package dev.restock.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import dev.restock.replenishment.ReportQuery;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrderProposerTest extends DatabaseTest {

    @Autowired
    OrderProposer proposer;

    private final Actor planner = Actor.user("planner");

    @BeforeEach
    void catalog() {
        jdbc.sql("insert into warehouses (code, name) values ('LDN', 'London'), ('PAR', 'Paris')")
                .update();
        jdbc.sql("insert into vendors (code, name, currency) values ('ACME', 'Acme', 'GBP'), ('ZEN', 'Zenith', 'GBP')")
                .update();
        jdbc.sql("insert into variants (sku, title, type) values ('LAMP', 'Lamp', 'simple'), ('MUG', 'Mug', 'simple'),"
                        + " ('KIT', 'Kit', 'assembly'), ('BULB', 'Bulb', 'simple'), ('ODD', 'Odd', 'simple')")
                .update();
        jdbc.sql("insert into components (variant_id, component_variant_id, quantity) values (3, 4, 2)")
                .update();
        jdbc.sql("insert into trading_days (warehouse_id, day) values (1, date '2024-03-01')")
                .update();
        // No sales: every need below is minimum stock less stock, so it can be checked by hand.
        jdbc.sql("""
                insert into variant_warehouses (variant_id, warehouse_id, min_stock, available) values
                    (1, 1, 10, 0), (2, 1, 4, 0), (3, 1, 3, 0), (4, 1, 0, 0),
                    (2, 2, 0, 50), (5, 1, 1, 0)
                """).update();
        // LAMP: ZEN is cheaper. MUG: ACME is preferred although dearer. BULB: only ZEN.
        jdbc.sql("""
                insert into variant_vendors (variant_id, vendor_id, cost, preferred) values
                    (1, 1, 2.50, false), (1, 2, 2.00, false),
                    (2, 1, 1.00, true), (2, 2, 0.50, false),
                    (4, 2, 0.10, false)
                """).update();
    }

    @Test
    void groupsPurchasesPerVendorAndWarehouseAndProposesTransfersAndAssemblies() {
        OrderProposer.Outcome outcome = proposer.propose(ReportQuery.all(), planner);

        Map<String, ProposedStockOrder> byPartner =
                outcome.created().stream().collect(Collectors.toMap(OrderProposerTest::partner, Function.identity()));
        assertThat(byPartner).containsOnlyKeys("po ZEN LDN", "transfer PAR LDN", "assembly LDN");
        // ZEN: 10 LAMP at 2.00 + 6 BULB (3 kits x 2) at 0.10 = 20.60.
        assertThat(lines(byPartner.get("po ZEN LDN"))).containsExactlyInAnyOrder("LAMP 10", "BULB 6");
        assertThat(byPartner.get("po ZEN LDN").total()).isEqualByComparingTo("20.60");
        assertThat(byPartner.get("po ZEN LDN").currency()).isEqualTo("GBP");
        // MUG: 4 short in London, 50 idle in Paris: moved, not bought from ACME.
        assertThat(lines(byPartner.get("transfer PAR LDN"))).containsExactly("MUG 4");
        assertThat(lines(byPartner.get("assembly LDN"))).containsExactly("KIT 3");
        assertThat(outcome.withoutVendor()).containsExactly("ODD in LDN");
        assertThat(jdbc.sql("select count(*) from stock_orders where status = 'DRAFT'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void proposesNothingNewWhileTheFirstDraftsExist() {
        List<ProposedStockOrder> first =
                proposer.propose(ReportQuery.all(), planner).created();

        List<ProposedStockOrder> second =
                proposer.propose(ReportQuery.all(), planner).created();

        assertThat(first).hasSize(3);
        assertThat(second).isEmpty();
        assertThat(jdbc.sql("select count(*) from stock_orders")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void proposesAgainOnceTheDraftIsOpenAndCountsItAsOnOrder() {
        ProposedStockOrder po = proposer.propose(ReportQuery.parse(null, "ZEN", null, null), planner)
                .created()
                .getFirst();
        jdbc.sql("update stock_orders set status = 'OPEN' where id = ?")
                .param(po.id())
                .update();

        List<ProposedStockOrder> again = proposer.propose(ReportQuery.parse(null, "ZEN", null, null), planner)
                .created();

        assertThat(again)
                .as("the open order is on order now, so nothing is left to buy")
                .isEmpty();
    }

    @Test
    void proposesOnlyTheSelectedLines() {
        List<ProposedStockOrder> created = proposer.propose(ReportQuery.parse("PAR", null, null, null), planner)
                .created();

        assertThat(created).isEmpty();
    }

    private static String partner(ProposedStockOrder order) {
        return switch (order.type()) {
            case "po" -> "po " + order.vendor() + " " + order.warehouse();
            case "transfer" -> "transfer " + order.sourceWarehouse() + " " + order.warehouse();
            default -> order.type() + " " + order.warehouse();
        };
    }

    private static List<String> lines(ProposedStockOrder order) {
        return order.lines().stream()
                .map(line ->
                        line.sku() + " " + line.quantity().stripTrailingZeros().toPlainString())
                .toList();
    }
}
