package dev.restock.webhooks;

import dev.restock.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the delivery log: deliveries, newest first, with their attempts. */
@Component
public class DeliveryLog {

    private final JdbcClient jdbc;

    public DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest {@code limit} deliveries, of one subscription when {@code subscriptionId} is given. */
    public List<DeliveryRecord> latest(String subscriptionId, int limit) {
        List<String> ids = jdbc.sql("""
                select id from webhook_deliveries
                where cast(:subscription as text) is null or subscription_id = :subscription
                order by created_at desc, event_position desc, id
                limit :limit
                """)
                .param("subscription", subscriptionId)
                .param("limit", limit)
                .query(String.class)
                .list();
        return deliveries(ids);
    }

    public DeliveryRecord delivery(String id) {
        List<DeliveryRecord> found = deliveries(List.of(id));
        if (found.isEmpty()) {
            throw new NotFoundException(
                    "No webhook delivery '" + id + "'. Run `restock webhooks deliveries` to see the delivery log.");
        }
        return found.getFirst();
    }

    private List<DeliveryRecord> deliveries(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String[] idArray = ids.toArray(String[]::new);
        Map<String, List<DeliveryRecord.Attempt>> attempts = new LinkedHashMap<>();
        jdbc.sql("""
                select delivery_id, attempt, started_at, outcome, status_code, latency_ms, response_excerpt, error
                from webhook_attempts where delivery_id = any(?) order by delivery_id, attempt
                """).param(idArray).query(rs -> {
            attempts.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(attempt(rs));
        });
        Map<String, DeliveryRecord> byId = new LinkedHashMap<>();
        jdbc.sql("""
                select id, subscription_id, event_id, event_type, subject, status, attempts, next_attempt_at,
                    created_at, completed_at, replay_of
                from webhook_deliveries where id = any(?)
                """).param(idArray).query(rs -> {
            String id = rs.getString("id");
            byId.put(
                    id,
                    new DeliveryRecord(
                            id,
                            rs.getString("subscription_id"),
                            rs.getString("event_id"),
                            rs.getString("event_type"),
                            rs.getString("subject"),
                            rs.getString("status"),
                            rs.getInt("attempts"),
                            WebhookSubscriptions.instant(rs.getTimestamp("next_attempt_at")),
                            WebhookSubscriptions.instant(rs.getTimestamp("created_at")),
                            WebhookSubscriptions.instant(rs.getTimestamp("completed_at")),
                            rs.getString("replay_of"),
                            attempts.getOrDefault(id, List.of())));
        });
        return ids.stream().map(byId::get).filter(record -> record != null).toList();
    }

    private static DeliveryRecord.Attempt attempt(ResultSet rs) throws SQLException {
        return new DeliveryRecord.Attempt(
                rs.getInt("attempt"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getString("outcome"),
                (Integer) rs.getObject("status_code"),
                (Long) rs.getObject("latency_ms"),
                rs.getString("response_excerpt"),
                rs.getString("error"));
    }
}
