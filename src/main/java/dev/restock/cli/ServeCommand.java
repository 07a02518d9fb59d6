package dev.restock.cli;

import dev.restock.RestockException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock serve}: the web service, until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the REST API (/api/v1, bearer token) and the background jobs (sync, push"
                + " recovery, webhook delivery, nightly report) until stopped; no web pages yet.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    RestockCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: 8080).")
    Integer port;

    @Option(
            names = "--address",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default: 127.0.0.1, so nothing is exposed).")
    String address;

    @Override
    public Integer call() throws InterruptedException {
        if (port != null && (port < 0 || port > 65_535)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--port': " + port + " is not a port (expected 1 to 65535, or 0 for any"
                            + " free port)");
        }
        var arguments = new java.util.ArrayList<String>();
        if (port != null) {
            arguments.add("--server.port=" + port);
        }
        if (address != null) {
            arguments.add("--server.address=" + address);
        }
        refuseBusyPort(address != null ? address : "127.0.0.1", port != null ? port : defaultPort());
        var context = RestockRuntime.startServer(root.home(), arguments.toArray(String[]::new));
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                // Printed here, on the thread that closes the context: on Ctrl-C the JVM may
                // halt before the waiting thread gets to say anything.
                System.out.println("Restock stopped serving: requests in flight were answered and the background"
                        + " jobs stopped.");
                stopped.countDown();
            }
        });
        String url = "http://" + context.getEnvironment().getProperty("server.address") + ":"
                + context.getEnvironment().getProperty("local.server.port");
        System.out.println("Restock is serving on " + url + " (health: " + url + "/actuator/health). Ctrl-C stops it.");
        System.out.println("API: " + url + "/api/v1 with 'Authorization: Bearer TOKEN'; the token is in "
                + context.getBean(dev.restock.web.ApiToken.class).source() + ".");
        stopped.await();
        return 0;
    }

    /**
     * Refuses a port that something already listens on before the database and the service
     * start, which takes seconds and would end in the web server's bind error.
     */
    static void refuseBusyPort(String address, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (BindException e) {
            throw new RestockException("port " + port + " is already in use; choose another with --port");
        } catch (IOException e) {
            throw new RestockException("Cannot listen on " + address + ":" + port + ": "
                    + RestockException.clause(e.getMessage()) + ". Check --address and --port.");
        }
    }

    private static int defaultPort() {
        String fromEnvironment = System.getenv("SERVER_PORT");
        return fromEnvironment != null && fromEnvironment.matches("\\d+") ? Integer.parseInt(fromEnvironment) : 8080;
    }
}
