package dev.restock.store;

import java.nio.file.Path;

/**
 * A separate process for {@link EmbeddedPostgresProcessesIT}: takes the embedded PostgreSQL of
 * the home given as argument, prints its port and whether it owns it, and holds it until its
 * standard input closes or it is signalled.
 */
public final class EmbeddedPostgresHolder {

    private EmbeddedPostgresHolder() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(Path.of(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("port=" + server.port() + " owner=" + server.isOwner());
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the server until the parent closes our input
        }
        server.close();
    }
}
