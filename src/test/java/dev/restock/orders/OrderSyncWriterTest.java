package dev.restock.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.restock.DatabaseTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two steps of applying a batch: {@link OrderSyncWriter#check} without a lock, then {@link
 * OrderSyncWriter#applyAll} under it, with Restock changed in between as another pass would.
 */
class OrderSyncWriterTest extends DatabaseTest {

    private static final Actor ANNA = Actor.user("anna");
    private static final String CONNECTION = "prod";

    @Autowired
    StockOrders orders;

    @Autowired
    OrderSaves saves;

    @Autowired
    OrderHistory history;

    @Autowired
    OrderSyncWriter writer;

    private StockOrder order;

    /** A saved order of one line, synced once: in step with a row that says exactly what it holds. */
    @BeforeEach
    void syncedOrder() {
        OrderFixtures fixtures = new OrderFixtures(jdbc);
        long warehouse = fixtures.warehouse("MAIN");
        long vendor = fixtures.vendor("ACME");
        fixtures.variant("MUG-1", "Blue mug", null);
        order = orders.create(
                new NewStockOrder(OrderType.PO, warehouse, vendor, null, null, LocalDate.parse("2026-12-24")),
                List.of(new NewOrderLine("MUG-1", new BigDecimal("10"), null)),
                ANNA);
        saves.markSaved(saves.begin(order.id(), CONNECTION, ANNA), "PURCHASE_ORDERS", ANNA);
        writer.apply(CONNECTION, downstream(null));
    }

    @Test
    void theCheckSetsAsideAnOrderWithNothingToApply() {
        OrderSyncWriter.Check check = writer.check(CONNECTION, List.of(downstream(null)));

        assertThat(check.toApply()).isEmpty();
        assertThat(check.unchanged()).containsOnlyKeys(order.id());
        assertThat(check.unchanged().get(order.id()).changed()).isFalse();
    }

    /** The lock compares again: the history says what Restock held under the lock, not before it. */
    @Test
    void aRestockChangeBetweenTheCheckAndTheLockIsNotOverwrittenUnseen() {
        OrderSyncWriter.Check check = writer.check(CONNECTION, List.of(downstream("WMS-9")));
        setExternalId("WMS-8");

        writer.applyAll(CONNECTION, check.toApply());

        assertThat(check.toApply()).extracting(DownstreamOrder::orderId).containsExactly(order.id());
        assertThat(orders.get(order.id()).externalId()).isEqualTo("WMS-9");
        assertThat(syncChanges()).containsExactly(tuple("external_id", "WMS-8", "WMS-9"));
    }

    /** A change applied meanwhile (say by another pass) leaves nothing to apply: no history, no event. */
    @Test
    void anOrderAlreadyChangedMeanwhileIsNotWrittenAgain() {
        OrderSyncWriter.Check check = writer.check(CONNECTION, List.of(downstream("WMS-9")));
        setExternalId("WMS-9");
        long events = events();

        SyncOutcome outcome = writer.applyAll(CONNECTION, check.toApply()).get(order.id());

        assertThat(outcome.changed()).isFalse();
        assertThat(syncChanges()).isEmpty();
        assertThat(events()).isEqualTo(events);
    }

    private DownstreamOrder downstream(String externalId) {
        return new DownstreamOrder(
                order.id(),
                List.of(new DownstreamRow(
                        "1",
                        "OPEN",
                        externalId,
                        null,
                        null,
                        "MUG-1",
                        null,
                        null,
                        new BigDecimal("10"),
                        BigDecimal.ZERO,
                        null,
                        null,
                        false)));
    }

    private void setExternalId(String externalId) {
        jdbc.sql("update stock_orders set external_id = ? where id = ?")
                .params(externalId, order.id())
                .update();
    }

    private List<org.assertj.core.groups.Tuple> syncChanges() {
        return history.of(order.id()).stream()
                .filter(change -> change.actor().type() == Actor.Type.SYNC)
                .map(change -> tuple(change.field(), change.oldValue(), change.newValue()))
                .toList();
    }

    private long events() {
        return jdbc.sql("select count(*) from outbox_events").query(Long.class).single();
    }
}
