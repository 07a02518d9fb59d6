package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import dev.restock.DatabaseTest;
import dev.restock.orders.Actor;
import dev.restock.orders.NewStockOrder;
import dev.restock.orders.OrderFixtures;
import dev.restock.orders.OrderHistory;
import dev.restock.orders.OrderSaves;
import dev.restock.orders.OrderSyncWriter;
import dev.restock.orders.SaveState;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrders;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bodies of the connection jobs, run directly: jobs do not execute in tests. */
class SyncJobsTest extends DatabaseTest {

    static final Actor ANNA = Actor.user("anna");

    @Autowired
    SyncJobs jobs;

    @Autowired
    Scheduler scheduler;

    @Autowired
    CustomTask<Void> connectionSyncTask;

    @Autowired
    StockOrders orders;

    @Autowired
    OrderSaves saves;

    @Autowired
    OrderPusher pusher;

    @Autowired
    OrderSync sync;

    @Autowired
    OrderSyncWriter writer;

    @Autowired
    PushRecovery recovery;

    @Autowired
    OrderHistory history;

    @Autowired
    ConnectionDdl ddl;

    @Autowired
    Clock clock;

    OrderFixtures fixtures;

    @BeforeEach
    void localTables() {
        fixtures = new OrderFixtures(jdbc);
        ddl.apply(Connections.LOCAL);
    }

    @Test
    void theSyncJobAppliesADownstreamReceipt() throws SQLException {
        StockOrder order = draft();
        pusher.push(order.id(), Connections.LOCAL, ANNA);
        receiveDownstream(order, new BigDecimal("1.5"));

        SyncResult result = jobs.syncConnection(Connections.LOCAL).orElseThrow();

        assertThat(result.ordersChanged()).isEqualTo(1);
        assertThat(orders.lines(order.id()).getFirst().received()).isEqualByComparingTo("1.5");
        assertThat(jobs.syncConnection(Connections.LOCAL).orElseThrow().ordersChanged())
                .isZero();
    }

    @Test
    void theSyncJobOfAnUnknownConnectionFailsQuietly() {
        assertThat(jobs.syncConnection("gone")).isEmpty();
    }

    @Test
    void thePlannerGivesEachConnectionWithSavedOrdersOneSyncInstance() {
        assertThat(jobs.planSyncs(scheduler, connectionSyncTask::instance)).isEmpty();
        StockOrder order = draft();
        pusher.push(order.id(), Connections.LOCAL, ANNA);

        assertThat(jobs.planSyncs(scheduler, connectionSyncTask::instance)).containsExactly(Connections.LOCAL);
        assertThat(jobs.planSyncs(scheduler, connectionSyncTask::instance)).isEmpty();
        assertThat(jdbc.sql("select task_instance from scheduled_tasks where task_name = 'connection-sync'")
                        .query(String.class)
                        .list())
                .containsExactly(Connections.LOCAL);
        assertThat(jobs.interval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void pushRecoveryLeavesAYoungPushAloneAndSettlesOneOlderThanTheTimeout() {
        StockOrder order = draft();
        saves.begin(order.id(), Connections.LOCAL, ANNA);

        PushRecovery.Outcome young = jobs.recoverPushes();
        MutableClock later = new MutableClock(clock.instant().plus(Duration.ofMinutes(11)));
        SyncJobs afterTimeout =
                new SyncJobs(sync, writer, recovery, history, later, Duration.ofMinutes(5), Duration.ofMinutes(10));
        PushRecovery.Outcome old = afterTimeout.recoverPushes();

        assertThat(young).isEqualTo(new PushRecovery.Outcome(0, 0, 0));
        assertThat(old).isEqualTo(new PushRecovery.Outcome(0, 1, 0));
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVE_FAILED);
    }

    private StockOrder draft() {
        StockOrder order =
                orders.create(NewStockOrder.purchase(fixtures.warehouse("MAIN"), fixtures.vendor("ACME"), "EUR"), ANNA);
        orders.addLine(order.id(), fixtures.variant("SKU-1", "Mug", null), new BigDecimal("2.5"), null, ANNA);
        return orders.get(order.id());
    }

    private static void receiveDownstream(StockOrder order, BigDecimal received) throws SQLException {
        String url = "jdbc:duckdb:" + TEST_HOME.resolve("local.duckdb");
        try (java.sql.Connection local = DriverManager.getConnection(url);
                PreparedStatement update =
                        local.prepareStatement("update \"PURCHASE_ORDERS\" set \"RECEIVED\" = ? where \"ID\" = ?")) {
            update.setBigDecimal(1, received);
            update.setString(2, order.id().toString());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
