package dev.restock.webhooks;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.restock.events.Outbox;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook delivery as a background job: every second, in the one process db-scheduler picks, new
 * events are dispatched and due deliveries sent. A recurring job runs in one process at a time, and
 * the attempt rows keep an attempt from going out twice even when a command delivers too.
 */
@Configuration(proxyBeanMethods = false)
class WebhookJobs {

    static final String TASK_NAME = "webhook-delivery";

    @Bean
    WebhookDelivery webhookDelivery(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Outbox outbox,
            WebhookSubscriptions subscriptions,
            JsonMapper json,
            Clock clock,
            WebhookProperties properties) {
        return new WebhookDelivery(jdbc, transaction, outbox, subscriptions, json, clock, properties);
    }

    @Bean
    Task<Void> webhookDeliveryTask(WebhookDelivery delivery) {
        return Tasks.recurring(TASK_NAME, FixedDelay.ofSeconds(1))
                .execute((instance, context) -> delivery.deliverDueNow());
    }
}
