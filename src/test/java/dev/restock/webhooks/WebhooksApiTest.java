package dev.restock.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.ApiTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API with its default settings: private addresses are refused here. */
class WebhooksApiTest extends ApiTest {

    /** A public address (TEST-NET-3) that needs no DNS; nothing is sent to it in these tests. */
    private static final String PUBLIC_URL = "https://203.0.113.10/restock-hooks";

    @Autowired
    JsonMapper json;

    @Test
    void addsASubscriptionShowingItsSecretOnceAndListsItWithout() {
        HttpResponse<String> added = post(
                "/api/v1/webhooks",
                "{\"url\": \"" + PUBLIC_URL + "\", \"events\": [\"stock_order.*\"],"
                        + " \"description\": \"WMS bridge\"}");

        assertThat(added.statusCode()).isEqualTo(201);
        JsonNode subscription = json.readTree(added.body());
        String id = subscription.get("id").asString();
        String secret = subscription.get("secret").asString();
        assertThat(secret).startsWith("whsec_");

        HttpResponse<String> listed = get("/api/v1/webhooks");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(id, "WMS bridge", "stock_order.*").doesNotContain(secret, "whsec_");
        assertThat(get("/api/v1/webhooks/" + id).body()).doesNotContain("whsec_");
    }

    @Test
    void refusesAPrivateAddressByDefault() {
        HttpResponse<String> refused =
                post("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:9000/hooks\", \"events\": [\"*\"]}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("detail").asString())
                .contains("127.0.0.1", "private, loopback or link-local", "restock.webhooks.allow-private-addresses");
        assertThat(get("/api/v1/webhooks").body()).isEqualTo("[]");
    }

    @Test
    void rotatesRemovesAndSaysWhatIsMissing() {
        String id = json.readTree(post("/api/v1/webhooks", "{\"url\": \"" + PUBLIC_URL + "\", \"events\": [\"*\"]}")
                        .body())
                .get("id")
                .asString();

        HttpResponse<String> rotated = post("/api/v1/webhooks/" + id + "/rotate", "");
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(json.readTree(rotated.body()).get("secret").asString()).startsWith("whsec_");
        assertThat(json.readTree(rotated.body()).get("previousSecretExpiresAt").isNull())
                .isFalse();

        assertThat(get("/api/v1/webhooks/deliveries?subscription=" + id).body()).isEqualTo("[]");
        assertThat(send(request("/api/v1/webhooks/" + id).DELETE().build()).statusCode())
                .isEqualTo(204);
        HttpResponse<String> missing = get("/api/v1/webhooks/" + id);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("No webhook subscription '" + id + "'");
    }

    @Test
    void refusesAnEventTypeThatMatchesNothing() {
        HttpResponse<String> refused =
                post("/api/v1/webhooks", "{\"url\": \"" + PUBLIC_URL + "\", \"events\": [\"stock_orders.*\"]}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Event type 'stock_orders.*' matches no event");
    }
}
