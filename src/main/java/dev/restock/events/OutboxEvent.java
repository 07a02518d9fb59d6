package dev.restock.events;

import java.time.Instant;

/**
 * One event of the outbox.
 *
 * @param position its place in the outbox; increasing in order of appending, not of commit, so a
 *     reader must not treat it as a cursor that commits arrive in
 * @param id the event's id outside Restock ({@code evt_...})
 * @param type for example {@code stock_order.saved}
 * @param subject what the event is about, such as a stock order id; may be null
 * @param payload the event's data as JSON text
 * @param occurredAt when the change happened, UTC
 */
public record OutboxEvent(long position, String id, String type, String subject, String payload, Instant occurredAt) {}
