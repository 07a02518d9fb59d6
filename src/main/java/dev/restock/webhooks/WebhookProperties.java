package dev.restock.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of webhook delivery ({@code restock.webhooks.*}).
 *
 * @param allowPrivateAddresses whether URLs may point at private, loopback or link-local
 *     addresses; off by default so that a webhook cannot be aimed at services inside the network
 * @param connectTimeout how long to wait for the receiver to accept the connection
 * @param requestTimeout how long to wait for the receiver's answer
 * @param batchSize how many due deliveries one round claims
 * @param parallelism how many requests are in flight at once
 */
@ConfigurationProperties("restock.webhooks")
public record WebhookProperties(
        boolean allowPrivateAddresses,
        Duration connectTimeout,
        Duration requestTimeout,
        int batchSize,
        int parallelism) {

    public WebhookProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
        batchSize = batchSize <= 0 ? 200 : batchSize;
        parallelism = parallelism <= 0 ? 16 : parallelism;
    }

    /** The defaults, with private addresses allowed or not. */
    public static WebhookProperties defaults(boolean allowPrivateAddresses) {
        return new WebhookProperties(allowPrivateAddresses, null, null, 0, 0);
    }

    /**
     * After this long an attempt still marked in flight belongs to a process that died: no live
     * request can take longer than the two timeouts.
     */
    Duration abandonedAfter() {
        return connectTimeout.plus(requestTimeout).plusMinutes(1);
    }
}
