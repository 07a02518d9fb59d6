package dev.restock.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.DatabaseTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Receiving against lines, and the settings of saving and receiving. */
class OrderReceiptsTest extends DatabaseTest {

    private static final Actor ANNA = Actor.user("anna");

    @Autowired
    StockOrders orders;

    @Autowired
    OrderReceipts receipts;

    @Autowired
    OrderSaves saves;

    @Autowired
    OrderHistory history;

    @Autowired
    OrderEvents events;

    @Autowired
    OrderStatuses statuses;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    private long warehouse;
    private long vendor;

    @BeforeEach
    void catalog() {
        OrderFixtures fixtures = new OrderFixtures(jdbc);
        warehouse = fixtures.warehouse("MAIN");
        vendor = fixtures.vendor("ACME");
        fixtures.variant("MUG-1", "Blue mug", null);
    }

    @AfterEach
    void dropCustomStatuses() {
        jdbc.sql("delete from stock_orders").update();
        jdbc.sql("delete from order_statuses where name = 'IN TRANSIT' or name = 'ON HOLD'")
                .update();
    }

    @Test
    void aToleranceAllowsReceivingThatMuchMoreThanOrderedAndNoMore() {
        OrderReceipts tolerant =
                new OrderReceipts(jdbc, orders, history, new OrderSettings(null, new BigDecimal("10"), null), clock);
        UUID id = openOrder("10");
        orders.addLine(id, new NewOrderLine("MUG-1", BigDecimal.ONE, null), ANNA);

        tolerant.receive(id, "1", new BigDecimal("11"), null, ANNA);

        assertThatThrownBy(() -> tolerant.receive(id, "1", new BigDecimal("0.000001"), null, ANNA))
                .isInstanceOf(StockOrderException.class)
                .hasMessageContaining("tolerance of 10% allows (at most 11)");
        assertThat(orders.lines(id).getFirst().received()).isEqualByComparingTo("11");
        assertThat(orders.get(id).status()).isEqualTo("PARTIALLY RECEIVED");
    }

    @Test
    void aLineKeepsAQuantityItsReceiptsFitAndIsNotRemovedOnceItReceived() {
        UUID id = openOrder("48");
        receipts.receive(id, "1", new BigDecimal("5"), null, ANNA);

        assertThatThrownBy(() -> orders.editQuantity(id, "1", new BigDecimal("3"), ANNA))
                .isInstanceOf(StockOrderException.class)
                .hasMessage("Line 1 (MUG-1) of " + orders.get(id).reference() + " has received 5, more than a"
                        + " quantity of 3 allows with the over-receipt tolerance of 0%. Nothing was changed.");
        assertThatThrownBy(() -> orders.removeLine(id, "1", ANNA))
                .isInstanceOf(StockOrderException.class)
                .hasMessageContaining("has received 5 and cannot be removed");
        assertThat(orders.lines(id))
                .singleElement()
                .satisfies(line -> assertThat(line.replenishment()).isEqualByComparingTo("48"));

        orders.editQuantity(id, "1", new BigDecimal("5"), ANNA);
        assertThat(orders.lines(id).getFirst().replenishment()).isEqualByComparingTo("5");
    }

    @Test
    void aClosedOrCancelledOrdersLinesAreNotChangedUntilItIsReopened() {
        UUID closed = openOrder("10");
        receipts.receive(closed, "1", new BigDecimal("10"), null, ANNA);
        UUID cancelled = openOrder("10");
        orders.changeStatus(cancelled, "CANCELLED", ANNA);

        assertThat(orders.get(closed).status()).isEqualTo("CLOSED");
        assertThatThrownBy(() -> orders.editQuantity(closed, "1", new BigDecimal("100"), ANNA))
                .isInstanceOf(StockOrderException.class)
                .hasMessageContaining("is CLOSED and its lines cannot be changed. Nothing was changed.");
        assertThatThrownBy(() -> orders.addLine(cancelled, new NewOrderLine("MUG-1", BigDecimal.ONE, null), ANNA))
                .isInstanceOf(StockOrderException.class)
                .hasMessageContaining("is CANCELLED and its lines cannot be changed");
        assertThat(orders.lines(closed).getFirst().replenishment()).isEqualByComparingTo("10");
        assertThat(orders.lines(cancelled)).hasSize(1);

        orders.changeStatus(closed, "OPEN", ANNA);
        orders.editQuantity(closed, "1", new BigDecimal("100"), ANNA);
        assertThat(orders.lines(closed).getFirst().replenishment()).isEqualByComparingTo("100");
    }

    @Test
    void aSavedOrderReceivesOnlyThroughSync() {
        UUID id = openOrder("10");
        saves.markSaved(saves.begin(id, "prod", ANNA), "PURCHASE_ORDERS", ANNA);

        assertThatThrownBy(() -> receipts.receive(id, "1", BigDecimal.ONE, null, ANNA))
                .isInstanceOf(OrderReadOnlyException.class)
                .hasMessageContaining("saved to connection 'prod'");
    }

    @Test
    void aCancelledOrderReceivesNothing() {
        UUID id = openOrder("10");
        orders.changeStatus(id, "cancelled", ANNA);

        assertThatThrownBy(() -> receipts.receive(id, "1", BigDecimal.ONE, null, ANNA))
                .hasMessageContaining("is CANCELLED and cannot receive stock");
        assertThat(orders.lines(id).getFirst().received()).isZero();
    }

    @Test
    void aSavedDraftTakesTheConfiguredStatus() {
        statuses.add("in transit", StatusType.ACTIVE);
        OrderSaves configured = savesWith("IN TRANSIT");
        UUID id = draft();

        configured.markSaved(configured.begin(id, "prod", ANNA), "PURCHASE_ORDERS", ANNA);

        assertThat(orders.get(id).status()).isEqualTo("IN TRANSIT");
    }

    @Test
    void aConfiguredSavedStatusThatIsNotActiveRefusesTheSaveBeforeAnythingIsWritten() {
        statuses.add("ON HOLD", StatusType.DRAFT);
        OrderSaves configured = savesWith("ON HOLD");
        UUID id = draft();

        assertThatThrownBy(() -> configured.begin(id, "prod", ANNA))
                .isInstanceOf(StockOrderException.class)
                .hasMessageContaining("restock.orders.saved-status is 'ON HOLD'");
        assertThat(orders.get(id).saveState()).isEqualTo(SaveState.EDITABLE);
    }

    @Test
    void aClosedOrderCannotBeSaved() {
        UUID id = openOrder("1");
        receipts.receive(id, "1", BigDecimal.ONE, null, ANNA);

        assertThat(orders.get(id).status()).isEqualTo("CLOSED");
        assertThatThrownBy(() -> saves.begin(id, "prod", ANNA)).hasMessageContaining("is CLOSED and cannot be saved");
    }

    @Test
    void aStatusNameIsKeptInUpperCaseAndOnlyOnce() {
        assertThat(statuses.add(" in transit ", StatusType.ACTIVE).name()).isEqualTo("IN TRANSIT");
        assertThatThrownBy(() -> statuses.add("In Transit", StatusType.CLOSED)).hasMessageContaining("exists already");
        assertThat(statuses.list()).extracting(OrderStatuses.Status::name).contains("IN TRANSIT", "OPEN");
    }

    private OrderSaves savesWith(String savedStatus) {
        return new OrderSaves(
                jdbc, transaction, orders, history, events, new OrderSettings(savedStatus, null, null), clock);
    }

    private UUID draft() {
        return orders.create(
                        NewStockOrder.purchase(warehouse, vendor, "EUR"),
                        List.of(new NewOrderLine("MUG-1", BigDecimal.ONE, null)),
                        ANNA)
                .id();
    }

    private UUID openOrder(String quantity) {
        UUID id = orders.create(
                        NewStockOrder.purchase(warehouse, vendor, "EUR"),
                        List.of(new NewOrderLine("MUG-1", new BigDecimal(quantity), null)),
                        ANNA)
                .id();
        orders.changeStatus(id, "OPEN", ANNA);
        return id;
    }
}
