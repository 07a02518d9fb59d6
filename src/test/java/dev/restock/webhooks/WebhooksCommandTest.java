package dev.restock.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import dev.restock.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code restock webhooks ...} through the command line, each command in its own context. */
class WebhooksCommandTest extends WebhookTestBase {

    private static final String ALLOW_PRIVATE = "restock.webhooks.allow-private-addresses";

    @BeforeEach
    void allowTheLocalReceiver() {
        System.setProperty(ALLOW_PRIVATE, "true");
    }

    @AfterEach
    void restoreDefault() {
        System.clearProperty(ALLOW_PRIVATE);
    }

    @Test
    void addsListsTestsAndReplaysASubscription() throws Exception {
        Result added = run(
                "webhooks",
                "add",
                receiver.url("/cli"),
                "--events",
                "stock_order.*,webhook.disabled",
                "--description",
                "bridge",
                "--format",
                "json");
        assertThat(added.exitCode()).isZero();
        var json = this.json.readTree(added.out());
        String id = json.get("id").asString();
        String secret = json.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(json.get("events").toString()).contains("stock_order.*", "webhook.disabled");

        Result listed = run("webhooks", "list");
        assertThat(listed.out())
                .contains(id, "enabled", "stock_order.*", "(bridge)")
                .doesNotContain(secret);

        Result tested = run("webhooks", "test", id);
        assertThat(tested.exitCode()).isZero();
        assertThat(tested.out()).contains("succeeded", "webhook.test", "attempt 1", " 200 ");
        TestReceiver.Request request = receiver.requests().getFirst();
        new Webhook(secret).verify(request.body(), request.headers());

        String deliveryId = onlyDelivery().id();
        assertThat(run("webhooks", "deliveries", "--subscription", id).out()).contains(deliveryId, "succeeded");
        Result replayed = run("webhooks", "replay", deliveryId);
        assertThat(replayed.exitCode()).isZero();
        assertThat(receiver.requests()).hasSize(2);
        assertThat(receiver.requests().getLast().header("webhook-id")).isEqualTo(request.header("webhook-id"));
    }

    @Test
    void deliverSendsWhatIsPendingAndExits() {
        subscribe("/cli", "stock_order.saved");
        event("stock_order.saved", "order-1");

        Result delivered = run("webhooks", "deliver", "--format", "json");

        assertThat(delivered.exitCode()).isZero();
        assertThat(delivered.out()).contains("\"attempts\" : 1");
        assertThat(receiver.requests())
                .singleElement()
                .satisfies(request -> assertThat(request.body()).contains("stock_order.saved"));
    }

    @Test
    void aPrivateAddressIsRefusedWithoutTheSetting() {
        System.clearProperty(ALLOW_PRIVATE);

        Result refused = run("webhooks", "add", receiver.url("/cli"), "--events", "*");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("private, loopback or link-local", ALLOW_PRIVATE + "=true");
        assertThat(run("webhooks", "remove", "whk_missing").err()).contains("No webhook subscription 'whk_missing'");
    }

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = TEST_HOME.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);
        int exitCode = command.execute(withHome);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
