package dev.restock.events;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the outbox table. Call it inside the transaction that makes the change the
 * event tells of: the event then exists exactly when the change does. Webhook delivery reads the
 * outbox; nothing that appends needs to know who listens (DESIGN.md: events carry news to the
 * right).
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public Outbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Appends one event with {@code data} (any value Jackson writes: a record, a map) as its
     * payload.
     *
     * @throws IllegalStateException when no transaction is active, since an event written outside
     *     the change's transaction could be lost or invented
     */
    public OutboxEvent append(String type, String subject, Object data) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "An outbox event (" + type + ") must be written in the transaction of its change");
        }
        String id = "evt_" + UUID.randomUUID();
        Instant occurredAt = clock.instant();
        String payload = json.writeValueAsString(data);
        long position = jdbc.sql("""
                insert into outbox_events (id, type, subject, payload, occurred_at)
                values (?, ?, ?, cast(? as json), ?)
                returning position
                """)
                .params(id, type, subject, payload, java.sql.Timestamp.from(occurredAt))
                .query(Long.class)
                .single();
        return new OutboxEvent(position, id, type, subject, payload, occurredAt);
    }

    /** One event to append with {@link #appendAll}. */
    public record NewEvent(String type, String subject, Object data) {}

    /**
     * Appends {@code events} with one statement, in the order given, as {@link #append} would one
     * by one (same rule: inside the transaction of their change).
     */
    public void appendAll(java.util.List<NewEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox events must be written in the transaction of their change");
        }
        if (events.isEmpty()) {
            return;
        }
        String[] ids = new String[events.size()];
        String[] types = new String[events.size()];
        String[] subjects = new String[events.size()];
        String[] payloads = new String[events.size()];
        for (int i = 0; i < ids.length; i++) {
            NewEvent event = events.get(i);
            ids[i] = "evt_" + UUID.randomUUID();
            types[i] = event.type();
            subjects[i] = event.subject();
            payloads[i] = json.writeValueAsString(event.data());
        }
        jdbc.sql("""
                insert into outbox_events (id, type, subject, payload, occurred_at)
                select e.id, e.type, e.subject, cast(e.payload as json), ?
                from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                     with ordinality as e(id, type, subject, payload, n)
                order by e.n
                """)
                .params(java.sql.Timestamp.from(clock.instant()), ids, types, subjects, payloads)
                .update();
    }
}
