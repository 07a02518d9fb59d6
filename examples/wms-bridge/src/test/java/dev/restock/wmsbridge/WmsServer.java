package dev.restock.wmsbridge;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;

/** A {@link SimulatedWms} on its own port, outliving the bridges a test starts and stops. */
final class WmsServer implements AutoCloseable {

    final SimulatedWms wms;
    private final HttpServer server;

    WmsServer(boolean autoReceive) throws IOException {
        wms = new SimulatedWms(Clock.systemUTC(), autoReceive);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", wms);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
