package dev.restock.cli;

import dev.restock.webhooks.DeliveryLog;
import dev.restock.webhooks.DeliveryRecord;
import dev.restock.webhooks.SubscriptionSecret;
import dev.restock.webhooks.WebhookDelivery;
import dev.restock.webhooks.WebhookSubscription;
import dev.restock.webhooks.WebhookSubscriptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock webhooks ...}: subscriptions, the delivery log, replays. */
@Command(
        name = "webhooks",
        mixinStandardHelpOptions = true,
        description = "Webhook subscriptions and their deliveries. `serve` delivers; these commands manage.",
        subcommands = {
            WebhooksCommand.Add.class,
            WebhooksCommand.ListSubscriptions.class,
            WebhooksCommand.Remove.class,
            WebhooksCommand.Rotate.class,
            WebhooksCommand.Enable.class,
            WebhooksCommand.Test.class,
            WebhooksCommand.Deliveries.class,
            WebhooksCommand.Replay.class,
            WebhooksCommand.Deliver.class
        })
final class WebhooksCommand {

    @ParentCommand
    RestockCommand root;

    /** A subscription with its secret, as {@code add} prints it: the one time the secret is shown. */
    record Added(String id, String url, List<String> events, String description, String secret) {}

    /** The base of every subcommand: the context, the output, and the format. */
    abstract static class Subcommand implements Callable<Integer> {

        @ParentCommand
        WebhooksCommand webhooks;

        @Mixin
        FormatOption output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = RestockRuntime.startForCommand(webhooks.root.home())) {
                run(context, spec.commandLine().getOut());
            }
            return 0;
        }

        abstract void run(ConfigurableApplicationContext context, PrintWriter out);
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Subscribe a URL to events. Prints the signing secret: the only time it is shown.")
    static final class Add extends Subcommand {

        @Parameters(paramLabel = "URL", description = "Where to POST the events (http or https).")
        String url;

        @Option(
                names = "--events",
                paramLabel = "LIST",
                required = true,
                split = ",",
                description = "Event types, comma-separated: stock_order.saved, stock_order.*, or * for all.")
        List<String> events;

        @Option(
                names = "--secret",
                paramLabel = "SECRET",
                description = "Signing secret (whsec_...). Default: a new random one.")
        String secret;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the subscription is for.")
        String description;

        @Override
        void run(ConfigurableApplicationContext context, PrintWriter out) {
            WebhookSubscriptions subscriptions = context.getBean(WebhookSubscriptions.class);
            SubscriptionSecret created = subscriptions.add(url, events, secret, description);
            WebhookSubscription subscription = subscriptions.get(created.id());
            Added added = new Added(
                    created.id(),
                    subscription.url(),
                    subscription.eventTypes(),
                    subscription.description(),
                    created.secret());
            if (output.json()) {
                out.println(FormatOption.toJson(added));
                return;
            }
            out.println(
                    "Added webhook " + added.id() + " for " + String.join(",", added.events()) + " to " + added.url());
            out.println("Signing secret (shown only now): " + added.secret());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every subscription (never its secret).")
    static final class ListSubscriptions extends Subcommand {

        @Override
        void run(ConfigurableApplicationContext context, PrintWriter out) {
            List<WebhookSubscription> all =
                    context.getBean(WebhookSubscriptions.class).list();
            if (output.json()) {
                out.println(FormatOption.toJson(all));
                return;
            }
            if (all.isEmpty()) {
                out.println("No webhook subscriptions. Add one with `restock webhooks add URL --events LIST`.");
            }
            for (WebhookSubscription subscription : all) {
                out.printf(
                        "%-36s %-8s %-28s %s%s%n",
                        subscription.id(),
                        subscription.enabled() ? "enabled" : "disabled",
                        String.join(",", subscription.eventTypes()),
                        subscription.url(),
                        subscription.description() == null ? "" : "  (" + subscription.description() + ")");
                if (subscription.disabledReason() != null) {
                    out.println("  " + subscription.disabledReason());
                }
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a subscription and its log.")
    static final class Remove extends Subcommand {

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        void run(ConfigurableApplicationContext context, PrintWriter out) {
            context.getBean(WebhookSubscriptions.class).remove(id);
            out.println(output.json() ? FormatOption.toJson(java.util.Map.of("removed", id)) : "Removed " + id);
        }
    }

    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description = "Give a subscription a new secret; the old one also signs for 24 hours.")
    static final class Rotate extends Subcommand {

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        void run(ConfigurableApplicationContext context, PrintWriter out) {
            SubscriptionSecret rotated =
                    context.getBean(WebhookSubscriptions.class).rotate(id);
            if (output.json()) {
                out.println(FormatOption.toJson(rotated));
                return;
            }
            out.println("New signing secret for " + id + " (shown only now): " + rotated.secret());
            out.println("The previous secret also signs until " + rotated.previousSecretExpiresAt() + ".");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled subscription.")
    static final class Enable extends Subcommand {

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        void run(ConfigurableApplicationContext context, PrintWriter out) {
            WebhookSubscription enabled =
                    context.getBean(WebhookSubscriptions.class).enable(id);
            out.println(output.json() ? FormatOption.toJson(enabled) : "Enabled " + id);
        }
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = "Send a webhook.test event to one subscription now and show the answer.")
    static final class Test extends Subcommand {

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        void run(ConfigurableApplicationContext context, PrintWriter out) {
            printDelivery(context.getBean(WebhookDelivery.class).sendTest(id), output, out);
        }
    }

    @Command(
            name = "deliveries",
            mixinStandardHelpOptions = true,
            description = "The delivery log, newest first: status, attempts, latency, the receiver's answer.")
    static final class Deliveries extends Subcommand {

        @Option(names = "--subscription", paramLabel = "ID", description = "Only this subscription's deliveries.")
        String subscription;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N (default 50).")
        int limit;

        @Override
        void run(ConfigurableApplicationContext context, PrintWriter out) {
            List<DeliveryRecord> deliveries = context.getBean(DeliveryLog.class).latest(subscription, limit);
            if (output.json()) {
                out.println(FormatOption.toJson(deliveries));
                return;
            }
            if (deliveries.isEmpty()) {
                out.println("No deliveries yet.");
            }
            deliveries.forEach(delivery -> printDelivery(delivery, output, out));
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = "Send a delivery's event again, now, as a new delivery with the same webhook-id.")
    static final class Replay extends Subcommand {

        @Parameters(paramLabel = "DELIVERY_ID")
        String deliveryId;

        @Override
        void run(ConfigurableApplicationContext context, PrintWriter out) {
            printDelivery(context.getBean(WebhookDelivery.class).replay(deliveryId), output, out);
        }
    }

    @Command(
            name = "deliver",
            mixinStandardHelpOptions = true,
            description = "Deliver every pending event that is due now, then exit (serve does this every second).")
    static final class Deliver extends Subcommand {

        @Override
        void run(ConfigurableApplicationContext context, PrintWriter out) {
            int attempts = context.getBean(WebhookDelivery.class).deliverDueNow();
            out.println(
                    output.json()
                            ? FormatOption.toJson(java.util.Map.of("attempts", attempts))
                            : attempts + " delivery attempts made.");
        }
    }

    private static void printDelivery(DeliveryRecord delivery, FormatOption output, PrintWriter out) {
        if (output.json()) {
            out.println(FormatOption.toJson(delivery));
            return;
        }
        out.printf(
                "%s %-9s %-24s %s to %s%s%n",
                delivery.id(),
                delivery.status(),
                delivery.eventType(),
                delivery.eventId(),
                delivery.subscriptionId(),
                delivery.nextAttemptAt() == null ? "" : ", next attempt " + delivery.nextAttemptAt());
        for (DeliveryRecord.Attempt attempt : delivery.attemptLog()) {
            out.printf(
                    "  attempt %d %s %-11s %s %s ms  %s%n",
                    attempt.attempt(),
                    attempt.startedAt(),
                    attempt.outcome(),
                    attempt.statusCode() == null ? "---" : attempt.statusCode(),
                    attempt.latencyMillis() == null ? "-" : attempt.latencyMillis(),
                    excerpt(attempt));
        }
    }

    private static String excerpt(DeliveryRecord.Attempt attempt) {
        String text = attempt.error() != null ? attempt.error() : attempt.responseExcerpt();
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }
}
