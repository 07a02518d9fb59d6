package dev.restock.webhooks;

import java.net.URI;

/** One attempt about to go out: where, which event, the body, and the secrets to sign with. */
record OutgoingWebhook(
        String deliveryId,
        int attempt,
        String subscriptionId,
        URI url,
        String eventId,
        String body,
        SigningSecrets secrets) {

    @Override
    public String toString() {
        return "OutgoingWebhook[delivery=" + deliveryId + ", attempt=" + attempt + ", url=" + url + "]";
    }
}
