package dev.restock.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as shown to users: everything but its secrets.
 *
 * @param eventTypes patterns such as {@code stock_order.*}
 * @param previousSecretExpiresAt while set and in the future, deliveries carry a second signature
 *     made with the secret before the last rotation
 * @param disabledReason why Restock stopped sending, when it did
 */
public record WebhookSubscription(
        String id,
        String url,
        List<String> eventTypes,
        boolean enabled,
        String description,
        Instant createdAt,
        Instant previousSecretExpiresAt,
        Instant failingSince,
        String disabledReason) {

    public WebhookSubscription {
        eventTypes = List.copyOf(eventTypes);
    }
}
