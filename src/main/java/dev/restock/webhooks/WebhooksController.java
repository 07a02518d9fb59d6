package dev.restock.webhooks;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/webhooks}: subscriptions and the delivery log. A secret appears in the answer to
 * adding a subscription or rotating its secret, and nowhere else.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhooksController {

    /** The body of {@code POST /api/v1/webhooks}. */
    record NewSubscription(String url, List<String> events, String secret, String description) {}

    /** A subscription with its secret: the answer to adding one, the one time the secret is shown. */
    record AddedSubscription(
            String id, String url, List<String> events, boolean enabled, String description, String secret) {}

    private final WebhookSubscriptions subscriptions;
    private final WebhookDelivery delivery;
    private final DeliveryLog log;

    WebhooksController(WebhookSubscriptions subscriptions, WebhookDelivery delivery, DeliveryLog log) {
        this.subscriptions = subscriptions;
        this.delivery = delivery;
        this.log = log;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AddedSubscription add(@RequestBody NewSubscription request) {
        SubscriptionSecret created =
                subscriptions.add(request.url(), request.events(), request.secret(), request.description());
        WebhookSubscription subscription = subscriptions.get(created.id());
        return new AddedSubscription(
                subscription.id(),
                subscription.url(),
                subscription.eventTypes(),
                subscription.enabled(),
                subscription.description(),
                created.secret());
    }

    @GetMapping
    List<WebhookSubscription> list() {
        return subscriptions.list();
    }

    @GetMapping("/{id}")
    WebhookSubscription get(@PathVariable String id) {
        return subscriptions.get(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String id) {
        subscriptions.remove(id);
    }

    @PostMapping("/{id}/rotate")
    SubscriptionSecret rotate(@PathVariable String id) {
        return subscriptions.rotate(id);
    }

    @PostMapping("/{id}/enable")
    WebhookSubscription enable(@PathVariable String id) {
        return subscriptions.enable(id);
    }

    @PostMapping("/{id}/test")
    DeliveryRecord test(@PathVariable String id) {
        return delivery.sendTest(id);
    }

    @GetMapping("/deliveries")
    List<DeliveryRecord> deliveries(
            @RequestParam(required = false) String subscription, @RequestParam(defaultValue = "50") int limit) {
        return log.latest(subscription, Math.clamp(limit, 1, 1000));
    }

    @GetMapping("/deliveries/{id}")
    DeliveryRecord deliveryById(@PathVariable String id) {
        return log.delivery(id);
    }

    @PostMapping("/deliveries/{id}/replay")
    DeliveryRecord replay(@PathVariable String id) {
        return delivery.replay(id);
    }
}
