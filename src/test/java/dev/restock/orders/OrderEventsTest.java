package dev.restock.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.DatabaseTest;
import dev.restock.events.Outbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every stock order event is written exactly when its change commits, with the contract's payload. */
class OrderEventsTest extends DatabaseTest {

    private static final Actor ANNA = Actor.user("anna");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StockOrders orders;

    @Autowired
    OrderReceipts receipts;

    @Autowired
    OrderSaves saves;

    @Autowired
    OrderSyncWriter syncWriter;

    @Autowired
    Outbox outbox;

    @Autowired
    OrderDocuments documents;

    @Autowired
    OrderHistory history;

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
        fixtures.variant("CUP-2", "Tea cup", null);
    }

    @Test
    void createdEventCarriesTheWholeOrderAsTheContractSpellsIt() {
        StockOrder order = create(new NewOrderLine("MUG-1", new BigDecimal("12.000000"), new BigDecimal("1.25")));

        List<Event> events = events();

        assertThat(events).extracting(Event::type).containsExactly("stock_order.created");
        Event created = events.getFirst();
        assertThat(created.subject()).isEqualTo(order.id().toString());
        JsonNode json = created.order();
        assertThat(json.get("id").asString()).isEqualTo(order.id().toString());
        assertThat(json.get("reference").asString()).isEqualTo(order.reference());
        assertThat(json.get("type").asString()).isEqualTo("po");
        assertThat(json.get("status").asString()).isEqualTo("DRAFT");
        assertThat(json.get("statusType").asString()).isEqualTo("draft");
        assertThat(json.get("warehouse").asString()).isEqualTo("MAIN");
        assertThat(json.get("vendor").asString()).isEqualTo("ACME");
        assertThat(json.get("sourceWarehouse").isNull()).isTrue();
        assertThat(json.get("currency").asString()).isEqualTo("EUR");
        assertThat(json.get("savedTo").isNull()).isTrue();
        assertThat(json.get("table").isNull()).isTrue();
        assertThat(json.get("externalId").isNull()).isTrue();
        assertThat(json.get("createdAt").asString()).endsWith("Z");
        assertThat(json.get("expectedDate").asString()).isEqualTo("2026-12-24");
        JsonNode line = json.get("lines").get(0);
        assertThat(line.get("lineItemId").asString()).isEqualTo("1");
        assertThat(line.get("sku").asString()).isEqualTo("MUG-1");
        assertThat(line.get("title").asString()).isEqualTo("Blue mug");
        assertThat(line.get("replenishment").isNumber()).isTrue();
        assertThat(line.get("replenishment").toString()).isEqualTo("12");
        assertThat(line.get("received").toString()).isEqualTo("0");
        assertThat(line.get("costPrice").toString()).isEqualTo("1.25");
        assertThat(line.get("removed").asBoolean()).isFalse();
        assertThat(json.get("lineCount").asInt()).isEqualTo(1);
        assertThat(json.get("linesIncluded").asBoolean()).isTrue();
        assertThat(created.payload().has("changes")).isFalse();
    }

    @Test
    void anOrderOverTheEventLinesLimitIsSentWithoutItsLinesAndAtTheLimitWithThem() {
        OrderEvents limited = new OrderEvents(outbox, documents, history, new OrderSettings(null, null, 2));
        OrderSaves limitedSaves =
                new OrderSaves(jdbc, transaction, orders, history, limited, OrderSettings.defaults(), clock);
        OrderSyncWriter limitedSync = new OrderSyncWriter(jdbc, transaction, limited, clock);
        StockOrder large = create(
                new NewOrderLine("MUG-1", new BigDecimal("10"), null),
                new NewOrderLine("CUP-2", new BigDecimal("4"), null),
                new NewOrderLine("MUG-1", new BigDecimal("2"), null));
        StockOrder small = create(
                new NewOrderLine("MUG-1", new BigDecimal("10"), null),
                new NewOrderLine("CUP-2", new BigDecimal("4"), null));

        limitedSaves.markSaved(limitedSaves.begin(large.id(), "prod", ANNA), "PURCHASE_ORDERS", ANNA);
        limitedSaves.markSaved(limitedSaves.begin(small.id(), "prod", ANNA), "PURCHASE_ORDERS", ANNA);
        limitedSync.apply("prod", threeLinesReceived(large, "3"));

        List<Event> events = events().stream()
                .filter(event -> !event.type().equals("stock_order.created"))
                .toList();
        assertThat(events)
                .extracting(Event::type, Event::subject)
                .containsExactly(
                        Tuple.tuple("stock_order.saved", large.id().toString()),
                        Tuple.tuple("stock_order.saved", small.id().toString()),
                        Tuple.tuple("stock_order.received", large.id().toString()));
        for (Event event : List.of(events.get(0), events.get(2))) {
            assertThat(event.order().get("reference").asString()).isEqualTo(large.reference());
            assertThat(event.order().get("lineCount").asInt()).isEqualTo(3);
            assertThat(event.order().get("linesIncluded").asBoolean()).isFalse();
            assertThat(event.order().get("lines").isNull()).isTrue();
        }
        assertThat(events.get(2).changes())
                .contains(json("{\"field\":\"received\",\"lineItemId\":\"1\",\"old\":0,\"new\":3}"));
        JsonNode smallOrder = events.get(1).order();
        assertThat(smallOrder.get("linesIncluded").asBoolean()).isTrue();
        assertThat(smallOrder.get("lines")).hasSize(2);
        assertThat(documents.of(large.id()).lines()).hasSize(3);
    }

    /** The order's three lines as downstream has them, line 1 with {@code received}. */
    private static DownstreamOrder threeLinesReceived(StockOrder order, String received) {
        List<DownstreamRow> rows = new ArrayList<>();
        for (String lineItemId : List.of("1", "2", "3")) {
            rows.add(new DownstreamRow(
                    lineItemId,
                    "OPEN",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new BigDecimal(lineItemId.equals("1") ? received : "0"),
                    null,
                    null,
                    null));
        }
        return new DownstreamOrder(order.id(), rows);
    }

    @Test
    void anEditWritesUpdatedWithWhatChanged() {
        StockOrder order = create(new NewOrderLine("MUG-1", new BigDecimal("12"), null));

        orders.editQuantity(order.id(), "1", new BigDecimal("20.5"), ANNA);
        orders.addLine(order.id(), new NewOrderLine("CUP-2", BigDecimal.ONE, null), ANNA);
        orders.removeLine(order.id(), "2", ANNA);

        List<Event> events = events();
        assertThat(events)
                .extracting(Event::type)
                .containsExactly(
                        "stock_order.created", "stock_order.updated", "stock_order.updated", "stock_order.updated");
        assertThat(events.get(1).changes())
                .containsExactly(json("{\"field\":\"replenishment\",\"lineItemId\":\"1\",\"old\":12,\"new\":20.5}"));
        assertThat(events.get(2).changes())
                .containsExactly(json("{\"field\":\"line\",\"lineItemId\":\"2\",\"old\":null,\"new\":1}"));
        assertThat(events.get(3).changes())
                .containsExactly(json("{\"field\":\"line\",\"lineItemId\":\"2\",\"old\":1,\"new\":null}"));
        assertThat(events.get(3).order().get("lines")).hasSize(1);
    }

    @Test
    void aChangeThatChangesNothingOrIsRefusedWritesNoEvent() {
        StockOrder order = create(new NewOrderLine("MUG-1", new BigDecimal("12"), null));

        orders.editQuantity(order.id(), "1", new BigDecimal("12.000"), ANNA);
        orders.changeStatus(order.id(), "draft", ANNA);
        assertThatThrownBy(() -> orders.editQuantity(order.id(), "9", BigDecimal.ONE, ANNA))
                .hasMessageContaining("has no line 9");
        assertThatThrownBy(() -> orders.addLine(order.id(), new NewOrderLine("NOPE", BigDecimal.ONE, null), ANNA))
                .hasMessageContaining("no variant with SKU 'NOPE'");
        assertThatThrownBy(() -> receipts.receive(order.id(), "1", BigDecimal.ONE, null, ANNA))
                .hasMessageContaining("is a draft");

        assertThat(events()).extracting(Event::type).containsExactly("stock_order.created");
    }

    @Test
    void aCreateWithABadLineCreatesNothingAndWritesNoEvent() {
        assertThatThrownBy(() -> orders.create(
                        NewStockOrder.purchase(warehouse, vendor, null),
                        List.of(
                                new NewOrderLine("MUG-1", BigDecimal.ONE, null),
                                new NewOrderLine("NOPE", BigDecimal.ONE, null)),
                        ANNA))
                .hasMessageContaining("no variant with SKU 'NOPE'");

        assertThat(jdbc.sql("select count(*) from stock_orders")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(events()).isEmpty();
    }

    @Test
    void receiptsWriteReceivedAndTheCompletingReceiptWritesClosed() {
        StockOrder order = create(new NewOrderLine("MUG-1", new BigDecimal("10"), null));
        orders.changeStatus(order.id(), "OPEN", ANNA);

        receipts.receive(order.id(), "1", new BigDecimal("4"), LocalDate.parse("2026-12-01"), ANNA);
        assertThatThrownBy(() -> receipts.receive(order.id(), "1", new BigDecimal("7"), null, ANNA))
                .hasMessageContaining("would make 11 received of 10 ordered");
        receipts.receive(order.id(), "1", new BigDecimal("6"), LocalDate.parse("2026-12-02"), ANNA);

        List<Event> events = events();
        assertThat(events)
                .extracting(Event::type)
                .containsExactly(
                        "stock_order.created", "stock_order.updated", "stock_order.received", "stock_order.closed");
        assertThat(events.get(2).changes())
                .contains(json("{\"field\":\"received\",\"lineItemId\":\"1\",\"old\":0,\"new\":4}"))
                .contains(json(
                        "{\"field\":\"status\",\"lineItemId\":null,\"old\":\"OPEN\",\"new\":\"PARTIALLY RECEIVED\"}"));
        assertThat(events.get(3).order().get("status").asString()).isEqualTo("CLOSED");
        assertThat(events.get(3).changes())
                .contains(json("{\"field\":\"received\",\"lineItemId\":\"1\",\"old\":4,\"new\":10}"));
    }

    @Test
    void savedIsWrittenWhenTheOrderIsMarkedSavedAndSaveFailedWhenTheSaveFails() {
        StockOrder order = create(new NewOrderLine("MUG-1", BigDecimal.ONE, null));
        SaveAttempt failing = saves.begin(order.id(), "prod", ANNA);
        saves.markFailed(failing, "network down", ANNA);
        SaveAttempt attempt = saves.begin(order.id(), "prod", ANNA);

        assertThat(saves.markSaved(attempt, "PURCHASE_ORDERS", ANNA)).isTrue();
        assertThat(saves.markSaved(attempt, "PURCHASE_ORDERS", ANNA)).isFalse();
        assertThat(saves.markFailed(attempt, "late", ANNA)).isFalse();

        List<Event> events = events();
        assertThat(events)
                .extracting(Event::type)
                .containsExactly("stock_order.created", "stock_order.save_failed", "stock_order.saved");
        assertThat(events.get(1).payload().get("error").asString()).isEqualTo("network down");
        assertThat(events.get(1).payload().get("connection").asString()).isEqualTo("prod");
        JsonNode saved = events.get(2).order();
        assertThat(saved.get("status").asString()).isEqualTo("OPEN");
        assertThat(saved.get("savedTo").asString()).isEqualTo("prod");
        assertThat(saved.get("table").asString()).isEqualTo("PURCHASE_ORDERS");
        assertThat(saved.get("readOnly").asBoolean()).isTrue();
    }

    @Test
    void syncWritesOneEventPerOrderChangedAndNoneWhenNothingChanged() {
        StockOrder order = create(new NewOrderLine("MUG-1", new BigDecimal("10"), null));
        saves.markSaved(saves.begin(order.id(), "prod", ANNA), "PURCHASE_ORDERS", ANNA);
        DownstreamOrder downstream = new DownstreamOrder(
                order.id(),
                List.of(new DownstreamRow(
                        "1",
                        "OPEN",
                        "WMS-7",
                        null,
                        null,
                        "MUG-1",
                        null,
                        null,
                        new BigDecimal("10"),
                        new BigDecimal("3"),
                        LocalDate.parse("2026-12-03"),
                        null,
                        false)));

        syncWriter.apply("prod", downstream);
        syncWriter.apply("prod", downstream);

        List<Event> events = events();
        assertThat(events)
                .extracting(Event::type)
                .containsExactly("stock_order.created", "stock_order.saved", "stock_order.received");
        assertThat(events.get(2).changes())
                .contains(json("{\"field\":\"externalId\",\"lineItemId\":null,\"old\":null,\"new\":\"WMS-7\"}"))
                .contains(json("{\"field\":\"received\",\"lineItemId\":\"1\",\"old\":0,\"new\":3}"))
                .contains(
                        json("{\"field\":\"receivedDate\",\"lineItemId\":\"1\",\"old\":null,\"new\":\"2026-12-03\"}"));
        assertThat(events.get(2).order().get("externalId").asString()).isEqualTo("WMS-7");
    }

    @Test
    void aSyncThatFailsHalfwayWritesNoEvent() {
        StockOrder order = create(new NewOrderLine("MUG-1", new BigDecimal("10"), null));
        saves.markSaved(saves.begin(order.id(), "prod", ANNA), "PURCHASE_ORDERS", ANNA);
        DownstreamOrder negative = new DownstreamOrder(
                order.id(),
                List.of(new DownstreamRow(
                        "1",
                        "OPEN",
                        "WMS-7",
                        null,
                        null,
                        "MUG-1",
                        null,
                        null,
                        new BigDecimal("-1"),
                        null,
                        null,
                        null,
                        null)));

        assertThatThrownBy(() -> syncWriter.apply("prod", negative)).isNotNull();

        assertThat(events()).extracting(Event::type).containsExactly("stock_order.created", "stock_order.saved");
        assertThat(orders.get(order.id()).externalId()).isNull();
    }

    @Test
    void aSyncThatClosesTheOrderWritesClosed() {
        StockOrder order = create(new NewOrderLine("MUG-1", new BigDecimal("10"), null));
        saves.markSaved(saves.begin(order.id(), "prod", ANNA), "PURCHASE_ORDERS", ANNA);

        syncWriter.apply(
                "prod",
                new DownstreamOrder(
                        order.id(),
                        List.of(new DownstreamRow(
                                "1",
                                "closed",
                                null,
                                null,
                                null,
                                "MUG-1",
                                null,
                                null,
                                null,
                                new BigDecimal("10"),
                                null,
                                null,
                                null))));

        assertThat(events()).extracting(Event::type).last().isEqualTo("stock_order.closed");
    }

    private StockOrder create(NewOrderLine... lines) {
        return orders.create(
                new NewStockOrder(OrderType.PO, warehouse, vendor, null, null, LocalDate.parse("2026-12-24")),
                List.of(lines),
                ANNA);
    }

    record Event(String type, String subject, JsonNode payload) {

        JsonNode order() {
            return payload.get("order");
        }

        /** Compared as JSON values, whatever the spacing and key order of the stored text. */
        List<JsonNode> changes() {
            List<JsonNode> changes = new java.util.ArrayList<>();
            payload.get("changes").forEach(changes::add);
            return changes;
        }
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private List<Event> events() {
        return jdbc.sql("select type, subject, payload::text as payload from outbox_events order by position")
                .query((rs, rowNum) -> new Event(
                        rs.getString("type"), rs.getString("subject"), JSON.readTree(rs.getString("payload"))))
                .list();
    }
}
