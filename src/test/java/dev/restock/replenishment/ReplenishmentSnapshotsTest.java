package dev.restock.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.restock.DatabaseTest;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

class ReplenishmentSnapshotsTest extends DatabaseTest {

    @Autowired
    ReplenishmentSnapshots snapshots;

    @Autowired
    @Qualifier("nightlyReplenishment")
    Task<Void> nightly;

    @BeforeEach
    void catalog() {
        jdbc.sql("insert into warehouses (code, name, time_zone) values ('LDN', 'London', 'Europe/London')")
                .update();
        jdbc.sql("insert into variants (sku, title) values ('LAMP', 'Lamp'), ('MUG', 'Mug')")
                .update();
        jdbc.sql("insert into trading_days (warehouse_id, day) values (1, date '2024-03-01')")
                .update();
        jdbc.sql("insert into variant_warehouses (variant_id, warehouse_id, min_stock, available) values"
                        + " (1, 1, 5, 0), (2, 1, 0, 7)")
                .update();
    }

    @Test
    void theNightlyTaskStoresTheReportAndItsEventTogether() {
        nightly.execute(new TaskInstance<>(ReplenishmentJobs.NIGHTLY, "recurring"), null);

        assertThat(jdbc.sql("select line_count from replenishment_snapshots")
                        .query(Integer.class)
                        .list())
                .containsExactly(2);
        // The payload is json text as written (not jsonb, V32): compare values, not its spacing.
        var event = jdbc.sql("""
                        select type, subject, payload -> 'counts' ->> 'lines', payload -> 'counts' ->> 'linesToOrder',
                               payload -> 'counts' ->> 'orderNow', payload -> 'counts' ->> 'overstock',
                               payload ->> 'planDate'
                        from outbox_events
                        """)
                .query((row, number) -> java.util.List.of(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7)))
                .single();
        assertThat(event)
                .containsExactly("replenishment.completed", "replenishment/1", "2", "1", "1", "1", "2024-03-02");
    }

    @Test
    void readsBackTheStoredLinesExactly() {
        snapshots.refresh();

        ReplenishmentPlan stored = snapshots.latest().orElseThrow().plan();

        assertThat(stored.lines()).extracting(ReplenishmentRow::sku).containsExactly("LAMP", "MUG");
        assertThat(stored.lines().getFirst().toOrder()).isEqualByComparingTo("5");
        assertThat(stored.lines().get(1).status()).isEqualTo("overstock");
    }

    @Test
    void readsAReportStoredWithAFieldThisVersionDoesNotKnow() {
        snapshots.refresh();
        jdbc.sql("update replenishment_snapshots set report = report || '{\"droppedSince\": 1}'")
                .update();

        assertThat(snapshots.latest().orElseThrow().plan().lines()).hasSize(2);
    }

    @Test
    void keepsOnlyTheNewestReports() {
        for (int run = 0; run < ReplenishmentSnapshots.KEPT + 2; run++) {
            snapshots.refresh();
        }

        assertThat(jdbc.sql("select count(*) from replenishment_snapshots")
                        .query(Long.class)
                        .single())
                .isEqualTo(ReplenishmentSnapshots.KEPT);
        assertThat(snapshots.latest().orElseThrow().id()).isEqualTo(ReplenishmentSnapshots.KEPT + 2);
    }

    @Test
    void runsAtTwoInTheMorningInTheStoresZoneAcrossADaylightSavingChange() {
        NightlySchedule schedule = new NightlySchedule(LocalTime.of(2, 0), () -> ZoneId.of("Europe/London"));

        // Saturday 30 March 2024, 03:00 in London (GMT); clocks go forward at 01:00 on Sunday.
        Instant next = schedule.nextAfter(Instant.parse("2024-03-30T03:00:00Z"));

        // Sunday 02:00 BST is 01:00 UTC, not 02:00 UTC.
        assertThat(next).isEqualTo(Instant.parse("2024-03-31T01:00:00Z"));
        assertThat(schedule.nextAfter(Instant.parse("2024-03-31T00:59:00Z"))).isEqualTo(next);
    }

    @Test
    void takesTheStoresZoneFromTheWarehouses() {
        assertThat(ReplenishmentJobs.zone("", jdbc)).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(ReplenishmentJobs.zone("America/New_York", jdbc)).isEqualTo(ZoneId.of("America/New_York"));
    }
}
