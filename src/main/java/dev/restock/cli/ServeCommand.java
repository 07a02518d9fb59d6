package dev.restock.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code restock serve}: the web service, until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the web service (pages, API, background jobs) until stopped.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    RestockCommand root;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: 8080).")
    Integer port;

    @Option(
            names = "--address",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default: 127.0.0.1, so nothing is exposed).")
    String address;

    @Override
    public Integer call() throws InterruptedException {
        var arguments = new java.util.ArrayList<String>();
        if (port != null) {
            arguments.add("--server.port=" + port);
        }
        if (address != null) {
            arguments.add("--server.address=" + address);
        }
        var context = RestockRuntime.startServer(root.home(), arguments.toArray(String[]::new));
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
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
}
