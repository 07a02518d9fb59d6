package dev.restock.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.DatabaseTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxTest extends DatabaseTest {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void anEventCommitsWithItsChange() {
        OutboxEvent event = transaction.execute(
                status -> outbox.append("stock_order.saved", "order-1", Map.of("reference", "PO-1", "lines", 3)));

        assertThat(event.id()).startsWith("evt_");
        var stored = jdbc.sql(
                        "select type, subject, payload->>'reference' as reference, (payload->>'lines')::int as lines"
                                + " from outbox_events")
                .query((rs, row) ->
                        rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4))
                .single();
        assertThat(stored).isEqualTo("stock_order.saved order-1 PO-1 3");
    }

    @Test
    void thePayloadIsStoredAsTheTextWrittenWithItsKeysInOrder() {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("reference", "PO-1");
        data.put("amount", new java.math.BigDecimal("1.50"));
        data.put("lines", List.of());

        transaction.execute(status -> outbox.append("stock_order.saved", "order-1", data));
        transaction.executeWithoutResult(
                status -> outbox.appendAll(List.of(new Outbox.NewEvent("stock_order.updated", "order-1", data))));

        // The mapper writes a decimal as a plain number (PlainDecimalModule): 1.50 as 1.5.
        assertThat(jdbc.sql("select payload::text from outbox_events order by position")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "{\"reference\":\"PO-1\",\"amount\":1.5,\"lines\":[]}",
                        "{\"reference\":\"PO-1\",\"amount\":1.5,\"lines\":[]}");
    }

    @Test
    void anEventRollsBackWithItsChange() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    outbox.append("stock_order.saved", "order-1", Map.of());
                    throw new IllegalStateException("the change failed");
                }))
                .hasMessage("the change failed");

        assertThat(jdbc.sql("select count(*) from outbox_events")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void eventsAppendedTogetherKeepTheirOrderAndPayloads() {
        transaction.executeWithoutResult(status -> outbox.appendAll(List.of(
                new Outbox.NewEvent("stock_order.updated", "order-2", Map.of("reference", "PO-2")),
                new Outbox.NewEvent("stock_order.received", "order-1", Map.of("reference", "PO-1")),
                new Outbox.NewEvent("stock_order.closed", "order-3", Map.of("reference", "PO-3")))));

        List<String> stored = jdbc.sql(
                        "select type || ' ' || subject || ' ' || (payload->>'reference') from outbox_events"
                                + " order by position")
                .query(String.class)
                .list();
        assertThat(stored)
                .containsExactly(
                        "stock_order.updated order-2 PO-2",
                        "stock_order.received order-1 PO-1",
                        "stock_order.closed order-3 PO-3");
        assertThat(jdbc.sql("select count(distinct id) from outbox_events where id like 'evt_%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void eventsAppendedTogetherOutsideATransactionAreRefused() {
        assertThatThrownBy(() -> outbox.appendAll(List.of(new Outbox.NewEvent("stock_order.updated", "o", Map.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    @Test
    void anEventOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append("stock_order.saved", "order-1", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }
}
