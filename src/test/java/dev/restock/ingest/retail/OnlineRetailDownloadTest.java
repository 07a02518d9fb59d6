package dev.restock.ingest.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.restock.RestockException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's last resort: the public original, fetched into the home. */
class OnlineRetailDownloadTest {

    @TempDir
    Path folder;

    @Test
    void savesTheDownloadUnderItsOwnNameOnlyWhenComplete() throws IOException {
        byte[] zip = "PK pretend zip".getBytes(StandardCharsets.US_ASCII);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/online+retail.zip", exchange -> {
            exchange.sendResponseHeaders(200, zip.length);
            exchange.getResponseBody().write(zip);
            exchange.close();
        });
        server.start();
        try {
            URI source = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/online+retail.zip");

            Path saved = OnlineRetailDownload.download(source, folder);

            assertThat(saved).isEqualTo(folder.resolve("online+retail.zip"));
            assertThat(Files.readAllBytes(saved)).isEqualTo(zip);
            assertThat(folder.resolve("online+retail.zip.part")).doesNotExist();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void saysWhatToDownloadAndWhereToPutItWhenOffline() {
        URI unreachable = URI.create("http://127.0.0.1:1/online+retail.zip");

        assertThatThrownBy(() -> OnlineRetailDownload.download(unreachable, folder))
                .isInstanceOf(RestockException.class)
                .hasMessageContaining("Could not download the Online Retail data set from " + unreachable)
                .hasMessageContaining("put it at " + folder.resolve("online+retail.zip"))
                .hasMessageContaining("--sales FILE");
        assertThat(folder.resolve("online+retail.zip")).doesNotExist();
    }

    @Test
    void refusesAnErrorPageInsteadOfSavingIt() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            URI source = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/missing.zip");

            assertThatThrownBy(() -> OnlineRetailDownload.download(source, folder))
                    .hasMessageContaining("the server answered HTTP 404");
            assertThat(folder.resolve("online+retail.zip")).doesNotExist();
        } finally {
            server.stop(0);
        }
    }
}
