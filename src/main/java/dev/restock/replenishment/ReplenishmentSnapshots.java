package dev.restock.replenishment;

import dev.restock.events.Outbox;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored replenishment reports. {@link #refresh()} computes the report and stores it with a
 * {@code replenishment.completed} event in one transaction; {@link #latest()} reads the newest.
 * Thread-safe.
 *
 * <p>Who reads what: {@code restock plan} and {@code plan explain} always compute afresh (a
 * one-shot command is asked for current numbers, and stores nothing); the REST API serves the
 * newest stored report, computing and storing one first when there is none, and
 * {@code POST /api/v1/replenishment/refresh} recomputes on demand. Every stored report carries
 * its {@code computedAt}, so a reader can tell how old it is.
 */
@Component
public class ReplenishmentSnapshots {

    public static final String COMPLETED_EVENT = "replenishment.completed";

    /** Stored reports kept; older ones are deleted when a new one is stored. */
    static final int KEPT = 7;

    private static final Logger log = LoggerFactory.getLogger(ReplenishmentSnapshots.class);

    private final ReplenishmentReport report;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Outbox outbox;
    private final JsonMapper json;

    public ReplenishmentSnapshots(
            ReplenishmentReport report,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Outbox outbox,
            JsonMapper json) {
        this.report = report;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.outbox = outbox;
        this.json = json;
    }

    /** Computes the report now and stores it; the event exists exactly when the stored report does. */
    public Stored refresh() {
        long started = System.nanoTime();
        ReplenishmentPlan plan = report.plan();
        String document = json.writeValueAsString(plan);
        long id = transaction.execute(status -> {
            long stored = jdbc.sql("""
                    insert into replenishment_snapshots (computed_at, plan_date, line_count, report)
                    values (?, ?, ?, cast(? as jsonb))
                    returning id
                    """)
                    .params(
                            Timestamp.from(plan.computedAt()),
                            plan.planDate(),
                            plan.lines().size(),
                            document)
                    .query(Long.class)
                    .single();
            jdbc.sql("delete from replenishment_snapshots where id <= ?")
                    .param(stored - KEPT)
                    .update();
            outbox.append(COMPLETED_EVENT, "replenishment/" + stored, payload(stored, plan));
            return stored;
        });
        log.info(
                "Stored replenishment report {} with {} lines in {} ms",
                id,
                plan.lines().size(),
                (System.nanoTime() - started) / 1_000_000);
        return new Stored(id, plan);
    }

    /** The newest stored report, if any. */
    public Optional<Stored> latest() {
        return jdbc.sql("select id, report from replenishment_snapshots order by id desc limit 1")
                .query((row, number) -> new Stored(
                        row.getLong(1),
                        json.readerFor(ReplenishmentPlan.class)
                                // A snapshot stored by an earlier version may hold a field since dropped.
                                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                .readValue(row.getString(2))))
                .optional();
    }

    /** The newest stored report, else one computed and stored now. */
    public Stored latestOrRefresh() {
        return latest().orElseGet(this::refresh);
    }

    private static Map<String, Object> payload(long id, ReplenishmentPlan plan) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("snapshotId", id);
        data.put("computedAt", plan.computedAt().toString());
        data.put(
                "planDate",
                Optional.ofNullable(plan.planDate()).map(LocalDate::toString).orElse(null));
        data.put("counts", plan.counts());
        return data;
    }

    /** A stored report and its id. */
    public record Stored(long id, ReplenishmentPlan plan) {

        public Instant computedAt() {
            return plan.computedAt();
        }
    }
}
