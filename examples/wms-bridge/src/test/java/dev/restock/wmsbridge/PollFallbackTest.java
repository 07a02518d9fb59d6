package dev.restock.wmsbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Without any webhook, the poll finds the order, forwards it and receipts come back. */
class PollFallbackTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Databases.class)
    void forwardsAnOrderWhoseWebhookWasLostAndRecordsItsReceipts(Databases database) throws Exception {
        OrderTableFixture table = database.table(folder);
        table.recreate();
        try (WmsServer wms = new WmsServer(true);
                Bridge bridge = Bridge.start(config(database, wms), Clock.systemUTC(), UnaryOperator.identity())) {

            table.insertOrder("order-1", "PO-1001", 3);

            Await.until(
                    "every line is received",
                    WAIT,
                    () -> table.rows().stream()
                            .allMatch(row ->
                                    row.externalId() != null && row.received().compareTo(row.quantity()) == 0));
            List<SimulatedWms.StoredOrder> orders = wms.wms.orders();
            assertThat(orders).singleElement().satisfies(order -> {
                assertThat(order.idempotencyKey()).isEqualTo("order-1");
                assertThat(order.order().reference()).isEqualTo("PO-1001");
                assertThat(order.order().lines())
                        .extracting(WmsOrder.Line::quantity)
                        .usingElementComparator(BigDecimal::compareTo)
                        .containsExactly(BigDecimal.ONE, BigDecimal.TWO, BigDecimal.valueOf(3));
            });
            assertThat(table.rows())
                    .extracting(OrderTableFixture.Row::externalId)
                    .containsOnly(orders.getFirst().id());
        }
    }

    private BridgeConfig config(Databases database, WmsServer wms) {
        return new BridgeConfig(
                database.jdbcUrl(folder),
                database.user(),
                database.password(),
                OrderTableFixture.TABLE,
                "127.0.0.1",
                0,
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                Duration.ofMillis(100),
                wms.url(),
                false);
    }
}
