package dev.restock.webhooks;

import java.time.Duration;

/**
 * What one attempt came to.
 *
 * @param statusCode the receiver's HTTP status; null when no answer came (refused, timed out)
 * @param latencyMillis from sending the request to reading the answer
 * @param responseExcerpt the start of the answer's body
 * @param error why there was no usable answer; null when there was one
 * @param retryAfter the receiver's {@code Retry-After}, when it sent one
 * @param webhookTimestamp the {@code webhook-timestamp} signed, in epoch seconds
 */
record AttemptResult(
        Integer statusCode,
        long latencyMillis,
        String responseExcerpt,
        String error,
        Duration retryAfter,
        long webhookTimestamp) {

    boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** The receiver said the endpoint is gone for good: stop sending to it. */
    boolean gone() {
        return statusCode != null && statusCode == 410;
    }
}
