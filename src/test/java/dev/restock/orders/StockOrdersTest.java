package dev.restock.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.restock.DatabaseTest;
import dev.restock.RestockException;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StockOrdersTest extends DatabaseTest {

    private static final Actor ANNA = Actor.user("anna");

    @Autowired
    StockOrders orders;

    @Autowired
    OrderSaves saves;

    @Autowired
    OrderHistory history;

    @Autowired
    OrderCatalog catalog;

    private long warehouse;
    private long vendor;
    private long variant;

    @BeforeEach
    void catalog() {
        OrderFixtures fixtures = new OrderFixtures(jdbc);
        warehouse = fixtures.warehouse("MAIN");
        vendor = fixtures.vendor("ACME");
        variant = fixtures.variant("SKU-1", "Blue mug", "4006381333931");
    }

    @Test
    void createsADraftPurchaseOrderWithANumberedReference() {
        StockOrder order = orders.create(NewStockOrder.purchase(warehouse, vendor, "EUR"), ANNA);

        assertThat(order.reference()).matches("PO-\\d{4,}");
        assertThat(order.status()).isEqualTo("DRAFT");
        assertThat(order.statusType()).isEqualTo(StatusType.DRAFT);
        assertThat(order.saveState()).isEqualTo(SaveState.EDITABLE);
        assertThat(order.readOnly()).isFalse();
        assertThat(history.of(order.id()))
                .extracting(OrderHistory.Change::field, OrderHistory.Change::newValue)
                .containsExactly(tuple("order", order.reference()));
    }

    @Test
    void refusesAPurchaseOrderWithoutVendor() {
        assertThatThrownBy(() -> new NewStockOrder(OrderType.PO, warehouse, null, null, "EUR", null))
                .isInstanceOf(StockOrderException.class)
                .hasMessageContaining("needs a vendor");
    }

    @Test
    void addsEditsAndRemovesLinesKeepingExactDecimalsAndHistory() {
        UUID id = orders.create(NewStockOrder.purchase(warehouse, vendor, "EUR"), ANNA)
                .id();

        StockOrderLine line = orders.addLine(id, variant, new BigDecimal("12.345678"), new BigDecimal("1.5"), ANNA);
        orders.editQuantity(id, line.lineItemId(), new BigDecimal("20.000001"), ANNA);
        StockOrderLine second = orders.addLine(id, variant, BigDecimal.ONE, null, ANNA);
        orders.removeLine(id, second.lineItemId(), ANNA);

        assertThat(line.sku()).isEqualTo("SKU-1");
        assertThat(line.barcode()).isEqualTo("4006381333931");
        assertThat(orders.lines(id))
                .extracting(StockOrderLine::lineItemId, StockOrderLine::replenishment)
                .containsExactly(tuple("1", new BigDecimal("20.000001")));
        assertThat(history.of(id))
                .extracting(OrderHistory.Change::field, OrderHistory.Change::oldValue, OrderHistory.Change::newValue)
                .containsExactly(
                        tuple("order", null, orders.get(id).reference()),
                        tuple("line 1", null, "12.345678"),
                        tuple("line 1 replenishment", "12.345678", "20.000001"),
                        tuple("line 2", null, "1"),
                        tuple("line 2", "1", null));
    }

    @Test
    void refusesQuantitiesWithMoreThanSixDecimals() {
        UUID id = orders.create(NewStockOrder.purchase(warehouse, vendor, "EUR"), ANNA)
                .id();

        assertThatThrownBy(() -> orders.addLine(id, variant, new BigDecimal("1.0000001"), null, ANNA))
                .isInstanceOf(StockOrderException.class)
                .hasMessageContaining("more than 6 decimals");
        assertThat(orders.lines(id)).isEmpty();
    }

    @Test
    void aRemovedWarehouseIsNamedAsRemovedNotAsUnknown() {
        jdbc.sql("update warehouses set removed = true where code = 'MAIN'").update();

        assertThatThrownBy(() -> catalog.warehouseId("main"))
                .isInstanceOf(StockOrderException.class)
                .hasMessageStartingWith("The warehouse 'main' is removed from the catalog");
        assertThatThrownBy(() -> catalog.vendorId("NOPE"))
                .hasMessageStartingWith("There is no vendor with code 'NOPE'.");
        assertThat(catalog.vendorId("acme")).isEqualTo(vendor);
    }

    @Test
    void listsByAKnownStatusOnly() {
        orders.create(NewStockOrder.purchase(warehouse, vendor, "EUR"), ANNA);

        assertThat(orders.list(new OrderFilter(null, "draft", null))).hasSize(1);
        assertThatThrownBy(() -> orders.list(new OrderFilter(null, "nope", null)))
                .isInstanceOf(StockOrderException.class)
                .hasMessage("There is no order status 'nope'; `restock orders statuses` lists the statuses.");
    }

    @Test
    void changesStatusToAKnownStatusOnly() {
        UUID id = orders.create(NewStockOrder.purchase(warehouse, vendor, "EUR"), ANNA)
                .id();

        orders.changeStatus(id, "CANCELLED", ANNA);

        assertThat(orders.get(id).statusType()).isEqualTo(StatusType.CANCELLED);
        assertThatThrownBy(() -> orders.changeStatus(id, "LOST", ANNA))
                .isInstanceOf(StockOrderException.class)
                .hasMessageContaining("no order status 'LOST'");
    }

    @Test
    void refusesEveryChangeToASavedOrderNamingTheConnection() {
        UUID id = orders.create(NewStockOrder.purchase(warehouse, vendor, "EUR"), ANNA)
                .id();
        String lineItemId =
                orders.addLine(id, variant, BigDecimal.TEN, null, ANNA).lineItemId();
        SaveAttempt attempt = saves.begin(id, "prod", ANNA);
        saves.markSaved(attempt, ANNA);

        assertThat(orders.get(id).readOnly()).isTrue();
        assertThat(orders.get(id).status()).isEqualTo("OPEN");
        assertReadOnly(() -> orders.addLine(id, variant, BigDecimal.ONE, null, ANNA));
        assertReadOnly(() -> orders.removeLine(id, lineItemId, ANNA));
        assertReadOnly(() -> orders.editQuantity(id, lineItemId, BigDecimal.ONE, ANNA));
        assertReadOnly(() -> orders.changeStatus(id, "CANCELLED", ANNA));
        assertReadOnly(() -> saves.begin(id, "prod", ANNA));
        assertThat(orders.lines(id))
                .extracting(StockOrderLine::replenishment)
                .containsExactly(BigDecimal.TEN.setScale(6));
    }

    @Test
    void refusesChangesWhileTheOrderIsBeingSaved() {
        UUID id = orders.create(NewStockOrder.purchase(warehouse, vendor, "EUR"), ANNA)
                .id();
        orders.addLine(id, variant, BigDecimal.TEN, null, ANNA);
        saves.begin(id, "prod", ANNA);

        assertThatThrownBy(() -> orders.changeStatus(id, "CANCELLED", ANNA))
                .isInstanceOf(OrderReadOnlyException.class)
                .hasMessageContaining("being saved to connection 'prod'");
    }

    @Test
    void refusesToSaveAnOrderWithoutLinesOrOneThatIsCancelled() {
        UUID empty = orders.create(NewStockOrder.purchase(warehouse, vendor, "EUR"), ANNA)
                .id();
        UUID cancelled = orders.create(NewStockOrder.purchase(warehouse, vendor, "EUR"), ANNA)
                .id();
        orders.addLine(cancelled, variant, BigDecimal.ONE, null, ANNA);
        orders.changeStatus(cancelled, "CANCELLED", ANNA);

        assertThatThrownBy(() -> saves.begin(empty, "prod", ANNA)).hasMessageContaining("has no lines");
        assertThatThrownBy(() -> saves.begin(cancelled, "prod", ANNA)).hasMessageContaining("cannot be saved");
        assertThat(orders.get(empty).saveState()).isEqualTo(SaveState.EDITABLE);
        assertThat(orders.get(cancelled).saveState()).isEqualTo(SaveState.EDITABLE);
    }

    @Test
    void aFailedSaveLeavesTheOrderEditableAndADraft() {
        UUID id = orders.create(NewStockOrder.purchase(warehouse, vendor, "EUR"), ANNA)
                .id();
        orders.addLine(id, variant, BigDecimal.ONE, null, ANNA);
        SaveAttempt attempt = saves.begin(id, "prod", ANNA);

        saves.markFailed(attempt, "network down", ANNA);

        StockOrder order = orders.get(id);
        assertThat(order.saveState()).isEqualTo(SaveState.SAVE_FAILED);
        assertThat(order.readOnly()).isFalse();
        assertThat(order.status()).isEqualTo("DRAFT");
        assertThat(order.lastError()).isEqualTo("network down");
        assertThat(saves.markSaved(attempt, ANNA)).isFalse();
    }

    private static void assertReadOnly(org.assertj.core.api.ThrowableAssert.ThrowingCallable change) {
        assertThatThrownBy(change)
                .isInstanceOf(OrderReadOnlyException.class)
                .isInstanceOf(RestockException.class)
                .hasMessageContaining("saved to connection 'prod'");
    }
}
