package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionOpenerTest {

    private static final String SNOWFLAKE_URL = "jdbc:snowflake://acme-xy12345.snowflakecomputing.com/?db=ORDERS";

    final ConnectionOpener opener = new ConnectionOpener();

    @TempDir
    Path folder;

    @Test
    void aSnowflakeConnectionGetsALoginTimeoutButNoNetworkTimeout() {
        Properties properties = opener.driverProperties(snowflake(SNOWFLAKE_URL, Map.of()));

        assertThat(properties).containsEntry("loginTimeout", "30").doesNotContainKey("networkTimeout");
    }

    @Test
    void aLoginTimeoutTheUserGaveWinsAsPropertyOrUrlParameterInAnyCase() {
        Properties property = opener.driverProperties(snowflake(SNOWFLAKE_URL, Map.of("LOGINTIMEOUT", "5")));
        Properties parameter = opener.driverProperties(snowflake(SNOWFLAKE_URL + "&logintimeout=7", Map.of()));

        assertThat(property).containsEntry("LOGINTIMEOUT", "5").doesNotContainKey("loginTimeout");
        assertThat(parameter).doesNotContainKey("loginTimeout");
    }

    @Test
    void otherKindsGetNoSnowflakeDefaults() {
        Connection postgres = new Connection(
                "pg", ConnectionKind.POSTGRESQL, "jdbc:postgresql://127.0.0.1:1/erp", "u", null, null, null, false);

        assertThat(opener.driverProperties(postgres)).doesNotContainKey("loginTimeout");
    }

    @Test
    void aSnowflakeLoginToAPortNobodyListensOnFailsWithinItsLoginTimeoutInOneLine() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Connection closed = snowflake(
                "jdbc:snowflake://127.0.0.1:" + port
                        + "/?ssl=off&account=test&db=ORDERS&schema=PUBLIC&warehouse=WH&role=R",
                Map.of("loginTimeout", "3", "CLIENT_OUT_OF_BAND_TELEMETRY_ENABLED", "false"));

        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> opener.open(closed).close());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure).isInstanceOf(SQLException.class);
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(opener.describe(closed, failure))
                .doesNotContainPattern("\\R")
                .contains("127.0.0.1:" + port)
                .doesNotContain("s3cret");
    }

    private Connection snowflake(String url, Map<String, String> properties) {
        Path password;
        try {
            password = Files.writeString(folder.resolve("password"), "s3cret");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Connection(
                "sf",
                ConnectionKind.SNOWFLAKE,
                url,
                "RESTOCK",
                SecretReference.file(password),
                properties,
                null,
                false);
    }
}
