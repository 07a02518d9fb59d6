package dev.restock.webhooks;

import java.time.Instant;

/**
 * A secret shown once: when a subscription is added or its secret rotated. The only value that
 * carries a secret out of Restock; its {@code toString} hides it.
 *
 * @param previousSecretExpiresAt until when the secret before this one still signs; null if none
 */
public record SubscriptionSecret(String id, String secret, Instant previousSecretExpiresAt) {

    @Override
    public String toString() {
        return "SubscriptionSecret[id=" + id + ", secret=****]";
    }
}
