package dev.restock.webhooks;

import dev.restock.NotFoundException;
import dev.restock.events.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Webhook subscriptions: adding, listing, rotating secrets, enabling and disabling. */
@Component
public class WebhookSubscriptions {

    /** How long the secret before a rotation keeps signing. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(WebhookSubscriptions.class);

    private static final String COLUMNS = """
            id, url, event_types, enabled, description, created_at, previous_secret_expires_at,
            failing_since, disabled_reason""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Outbox outbox;
    private final Clock clock;
    private final AddressPolicy addresses;

    public WebhookSubscriptions(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Outbox outbox,
            Clock clock,
            WebhookProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.outbox = outbox;
        this.clock = clock;
        this.addresses = new AddressPolicy(properties.allowPrivateAddresses());
    }

    /**
     * Adds a subscription, enabled. Its secret is {@code secret} when given, else a new one; the
     * result is the only place it is ever shown.
     */
    public SubscriptionSecret add(String url, List<String> eventTypes, String secret, String description) {
        String checkedUrl = addresses.check(url).toString();
        List<String> patterns = EventTypes.validate(eventTypes);
        String signingSecret = secret == null ? SigningSecrets.generate() : SigningSecrets.validate(secret);
        String id = "whk_" + UUID.randomUUID().toString().replace("-", "");

        jdbc.sql("""
                insert into webhook_subscriptions (id, url, event_types, secret, description, created_at)
                values (?, ?, ?, ?, ?, ?)
                """)
                .params(
                        id,
                        checkedUrl,
                        patterns.toArray(String[]::new),
                        signingSecret,
                        description,
                        Timestamp.from(clock.instant()))
                .update();
        log.info("Webhook subscription '{}' added for {} to '{}'", id, patterns, checkedUrl);
        return new SubscriptionSecret(id, signingSecret, null);
    }

    public List<WebhookSubscription> list() {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscriptions order by created_at, id")
                .query(WebhookSubscriptions::subscription)
                .list();
    }

    public WebhookSubscription get(String id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscriptions where id = ?")
                .param(id)
                .query(WebhookSubscriptions::subscription)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    /** Removes a subscription with its delivery log; nothing more is sent to it. */
    public void remove(String id) {
        if (jdbc.sql("delete from webhook_subscriptions where id = ?").param(id).update() == 0) {
            throw notFound(id);
        }
        log.info("Webhook subscription '{}' removed", id);
    }

    /**
     * Gives the subscription a new secret. The old one keeps signing for {@link #ROTATION_OVERLAP}
     * (deliveries carry both signatures meanwhile); a secret older than that is dropped.
     */
    public SubscriptionSecret rotate(String id) {
        String secret = SigningSecrets.generate();
        Instant expires = clock.instant().plus(ROTATION_OVERLAP);
        int updated = jdbc.sql("""
                update webhook_subscriptions
                set previous_secret = secret, previous_secret_expires_at = ?, secret = ?
                where id = ?
                """).params(Timestamp.from(expires), secret, id).update();
        if (updated == 0) {
            throw notFound(id);
        }
        log.info("Webhook subscription '{}': secret rotated; the previous one signs until {}", id, expires);
        return new SubscriptionSecret(id, secret, expires);
    }

    /** Enables a subscription again; deliveries left pending resume. */
    public WebhookSubscription enable(String id) {
        int updated = jdbc.sql("""
                update webhook_subscriptions
                set enabled = true, disabled_at = null, disabled_reason = null, failing_since = null
                where id = ?
                """).param(id).update();
        if (updated == 0) {
            throw notFound(id);
        }
        return get(id);
    }

    /**
     * Disables an enabled subscription and records a {@code webhook.disabled} event, in the
     * transaction the caller runs (or a new one).
     */
    void disable(String id, String reason) {
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            String description = jdbc.sql("""
                    update webhook_subscriptions set enabled = false, disabled_at = ?, disabled_reason = ?
                    where id = ? and enabled
                    returning coalesce(description, '')
                    """)
                    .params(Timestamp.from(now), reason, id)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (description == null) {
                return;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("subscriptionId", id);
            data.put("description", description.isEmpty() ? null : description);
            data.put("reason", reason);
            data.put("disabledAt", now.toString());
            outbox.append("webhook.disabled", id, data);
            log.warn("Webhook subscription '{}' disabled: {}", id, reason);
        });
    }

    /** The secrets that sign for a subscription; for delivery only, never shown. */
    SigningSecrets secrets(String id) {
        return jdbc.sql("select secret, previous_secret, previous_secret_expires_at from webhook_subscriptions"
                        + " where id = ?")
                .param(id)
                .query((rs, row) -> new SigningSecrets(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3))))
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException(
                "No webhook subscription '" + id + "'. Run `restock webhooks list` to see the subscriptions.");
    }

    private static WebhookSubscription subscription(ResultSet rs, int row) throws SQLException {
        return new WebhookSubscription(
                rs.getString("id"),
                rs.getString("url"),
                Arrays.asList((String[]) rs.getArray("event_types").getArray()),
                rs.getBoolean("enabled"),
                rs.getString("description"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("previous_secret_expires_at")),
                instant(rs.getTimestamp("failing_since")),
                rs.getString("disabled_reason"));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
