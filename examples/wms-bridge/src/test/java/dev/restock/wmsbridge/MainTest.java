package dev.restock.wmsbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line: defaults, secrets from the environment, and one-line errors. */
class MainTest {

    private static final Map<String, String> ENVIRONMENT =
            Map.of("HOOK_SECRET", "whsec_b2xk whsec_bmV3", "DB_PASSWORD", "s3cret!");

    @Test
    void fillsDefaultsAndReadsSecretsFromTheEnvironment() {
        BridgeConfig config = Main.parse(
                new String[] {"--jdbc-url", "jdbc:duckdb:/tmp/local.duckdb", "--secret-env", "HOOK_SECRET"},
                ENVIRONMENT);

        assertThat(config.table()).isEqualTo("PURCHASE_ORDERS");
        assertThat(config.port()).isEqualTo(8787);
        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.wmsUrl()).isNull();
        assertThat(config.autoReceive()).isFalse();
        assertThat(config.secrets()).containsExactly("whsec_b2xk", "whsec_bmV3");
        assertThat(config.toString()).doesNotContain("whsec_b2xk");
    }

    @Test
    void readsEveryOption() {
        BridgeConfig config = Main.parse(
                new String[] {
                    "--jdbc-url", "jdbc:postgresql://db/erp", "--user", "bridge", "--password-env", "DB_PASSWORD",
                    "--table", "ERP.PURCHASE_ORDERS", "--secret-env", "HOOK_SECRET", "--port", "0",
                    "--bind", "0.0.0.0", "--poll-interval", "500ms", "--wms-url", "http://wms:8080/api",
                    "--auto-receive"
                },
                ENVIRONMENT);

        assertThat(config)
                .extracting(
                        BridgeConfig::user,
                        BridgeConfig::password,
                        BridgeConfig::table,
                        BridgeConfig::port,
                        BridgeConfig::bindAddress,
                        BridgeConfig::pollInterval,
                        BridgeConfig::wmsUrl,
                        BridgeConfig::autoReceive)
                .containsExactly(
                        "bridge",
                        "s3cret!",
                        "ERP.PURCHASE_ORDERS",
                        0,
                        "0.0.0.0",
                        Duration.ofMillis(500),
                        URI.create("http://wms:8080/api"),
                        true);
    }

    @Test
    void readsDurationsInShortAndIsoForm() {
        assertThat(List.of("250ms", "10s", "5m", "1h", "PT30S").stream().map(Main::duration))
                .containsExactly(
                        Duration.ofMillis(250),
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(5),
                        Duration.ofHours(1),
                        Duration.ofSeconds(30));
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--secret-env", "HOOK_SECRET"}, ENVIRONMENT))
                .hasMessage("--jdbc-url is required");
        assertThatThrownBy(() -> Main.parse(new String[] {"--jdbc-url", "jdbc:duckdb:x"}, ENVIRONMENT))
                .hasMessageStartingWith("--secret-env is required");
        assertThatThrownBy(() -> Main.parse(
                        new String[] {"--jdbc-url", "jdbc:duckdb:x", "--secret-env", "MISSING"}, ENVIRONMENT))
                .hasMessage("environment variable MISSING (named by --secret-env) is not set or empty");
        assertThatThrownBy(() -> Main.parse(
                        new String[] {"--jdbc-url", "x", "--secret-env", "HOOK_SECRET", "--poll-interval", "soon"},
                        ENVIRONMENT))
                .hasMessage("--poll-interval 'soon' is not a duration; write for example 500ms, 10s or 5m");
        assertThatThrownBy(() -> Main.parse(
                        new String[] {"--jdbc-url", "x", "--secret-env", "HOOK_SECRET", "--port", "99999"},
                        ENVIRONMENT))
                .hasMessage("--port '99999' is not a port number (0 to 65535)");
        assertThatThrownBy(() -> Main.parse(new String[] {"--jdbc-url", "--port"}, ENVIRONMENT))
                .hasMessage("--jdbc-url needs a value");
        assertThatThrownBy(
                        () -> Main.parse(new String[] {"--jdbc-url", "x", "--secret-env", "DB_PASSWORD"}, ENVIRONMENT))
                .hasMessageStartingWith("environment variable DB_PASSWORD does not hold a webhook secret")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> Main.parse(new String[] {"--verbose"}, ENVIRONMENT))
                .hasMessage("unknown option '--verbose'");
    }
}
