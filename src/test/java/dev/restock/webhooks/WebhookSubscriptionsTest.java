package dev.restock.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.RestockException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSubscriptionsTest extends WebhookTestBase {

    @Test
    void generatesASecretWhenNoneIsGivenAndKeepsItOutOfEveryListing() {
        SubscriptionSecret added = subscriptions.add(receiver.url("/a"), List.of("stock_order.*"), null, "bridge");

        assertThat(added.secret()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(added.toString()).doesNotContain(added.secret());
        assertThat(subscriptions.list()).singleElement().satisfies(subscription -> {
            assertThat(subscription.toString()).doesNotContain(added.secret());
            assertThat(subscription.eventTypes()).containsExactly("stock_order.*");
            assertThat(subscription.description()).isEqualTo("bridge");
            assertThat(subscription.enabled()).isTrue();
        });
    }

    @Test
    void keepsAGivenSecretAndRefusesAMalformedOneWithoutQuotingIt() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertThat(subscriptions
                        .add(receiver.url("/a"), List.of("*"), secret, null)
                        .secret())
                .isEqualTo(secret);

        assertThatThrownBy(() -> subscriptions.add(receiver.url("/a"), List.of("*"), "hunter2-not-base64!", null))
                .isInstanceOf(RestockException.class)
                .hasMessageContaining("not valid: it does not start with whsec_")
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void rotationKeepsThePreviousSecretSigningForADay() {
        SubscriptionSecret added = subscribe("/a", "*");

        SubscriptionSecret rotated = subscriptions.rotate(added.id());

        assertThat(rotated.secret()).isNotEqualTo(added.secret());
        SigningSecrets secrets = subscriptions.secrets(added.id());
        assertThat(secrets.activeAt(clock.instant())).containsExactly(rotated.secret(), added.secret());
        assertThat(secrets.activeAt(clock.instant().plus(Duration.ofHours(24)))).containsExactly(rotated.secret());
    }

    @Test
    void matchesEventTypesExactlyByPrefixOrAll() {
        assertThat(EventTypes.matches("stock_order.*", "stock_order.saved")).isTrue();
        assertThat(EventTypes.matches("stock_order.*", "stock_orders.saved")).isFalse();
        assertThat(EventTypes.matches("stock_order.saved", "stock_order.saved_failed"))
                .isFalse();
        assertThat(EventTypes.matches("*", "webhook.disabled")).isTrue();
        assertThatThrownBy(() -> EventTypes.validate(List.of("stock_order*")))
                .hasMessageContaining("Event type 'stock_order*' is not valid");
        assertThatThrownBy(() -> EventTypes.validate(List.of())).hasMessageContaining("at least one event type");
    }

    @Test
    void refusesPrivateLoopbackAndLinkLocalAddressesByDefault() throws Exception {
        WebhookSubscriptions strict =
                new WebhookSubscriptions(jdbc, transaction, outbox, clock, WebhookProperties.defaults(false));

        for (String url : List.of(
                "http://127.0.0.1:8080/hooks",
                "http://localhost/hooks",
                "http://10.1.2.3/hooks",
                "http://192.168.0.10/hooks",
                "http://172.20.0.1/hooks",
                "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hooks",
                "http://[fd00::1]/hooks",
                "http://0.0.0.0/hooks")) {
            assertThatThrownBy(() -> strict.add(url, List.of("*"), null, null))
                    .as(url)
                    .isInstanceOf(RestockException.class)
                    .hasMessageContaining("private, loopback or link-local")
                    .hasMessageContaining("restock.webhooks.allow-private-addresses=true");
        }
        assertThat(AddressPolicy.isInternal(InetAddress.getByName("203.0.113.10")))
                .isFalse();
        assertThat(strict.list()).isEmpty();
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> subscriptions.add("ftp://example.com/x", List.of("*"), null, null))
                .hasMessageContaining("must be an absolute http or https URL");
        assertThatThrownBy(() -> subscriptions.add("https://user:pw@example.com/x", List.of("*"), null, null))
                .hasMessageContaining("must not carry a user name or password")
                .message()
                .doesNotContain("pw");
    }
}
