package dev.restock.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.restock.RestockException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one signed attempt with {@link HttpClient} and reads the answer. Each attempt is signed
 * afresh at the moment it goes out ({@code webhook-timestamp} from the clock), with every secret
 * active then; the {@code webhook-id} is the event's id, the same on every attempt. Thread-safe.
 */
class WebhookSender {

    static final int EXCERPT_BYTES = 1024;

    private final HttpClient http;
    private final Clock clock;
    private final Duration requestTimeout;

    WebhookSender(WebhookProperties properties, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.clock = clock;
        this.requestTimeout = properties.requestTimeout();
    }

    /** The client, for the benchmark's raw baseline: the same connections and settings. */
    HttpClient client() {
        return http;
    }

    AttemptResult send(OutgoingWebhook webhook) {
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(requestTimeout)
                .header("content-type", "application/json")
                .header("user-agent", "Restock-Webhooks/1")
                .header("webhook-id", webhook.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature(webhook, timestamp, now))
                .POST(HttpRequest.BodyPublishers.ofString(webhook.body()))
                .build();

        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt = excerpt(response.body());
            return new AttemptResult(
                    response.statusCode(),
                    millisSince(started),
                    excerpt,
                    null,
                    retryAfter(response.headers(), now),
                    timestamp);
        } catch (HttpTimeoutException e) {
            return failed(started, timestamp, "No answer within the timeout (" + e.getMessage() + ").");
        } catch (IOException e) {
            return failed(started, timestamp, "Could not send: " + describe(e) + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(started, timestamp, "Interrupted while sending.");
        }
    }

    /** {@code v1,<base64>} for each active secret, space-separated. */
    private static String signature(OutgoingWebhook webhook, long timestamp, Instant now) {
        List<String> signatures = new ArrayList<>(2);
        for (String secret : webhook.secrets().activeAt(now)) {
            try {
                signatures.add(new Webhook(secret).sign(webhook.eventId(), timestamp, webhook.body()));
            } catch (WebhookSigningException e) {
                // The message of the library names no secret, but keep it out all the same.
                throw new RestockException("Could not sign webhook for subscription '" + webhook.subscriptionId()
                        + "'. Nothing was sent. Rotate its secret with `restock webhooks rotate "
                        + webhook.subscriptionId() + "`.");
            }
        }
        return String.join(" ", signatures);
    }

    private static String excerpt(InputStream body) throws IOException {
        try (body) {
            byte[] start = body.readNBytes(EXCERPT_BYTES);
            return new String(start, StandardCharsets.UTF_8);
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers, Instant now) {
        String value = headers.firstValue("retry-after").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Duration.between(now, at);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static AttemptResult failed(long started, long timestamp, String error) {
        return new AttemptResult(null, millisSince(started), null, error, null, timestamp);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
