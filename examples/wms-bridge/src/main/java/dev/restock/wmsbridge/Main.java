package dev.restock.wmsbridge;

import com.standardwebhooks.Webhook;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The command line. Prints {@code wms-bridge ready on port N} once it listens. */
public final class Main {

    static final String USAGE = """
            Usage: java -jar wms-bridge.jar --jdbc-url URL --secret-env VAR [options]

              --jdbc-url URL         the connection Restock saves orders to, e.g.
                                     jdbc:duckdb:/home/me/.restock/local.duckdb or
                                     jdbc:postgresql://db:5432/erp
              --user NAME            database user (PostgreSQL)
              --password-env VAR     environment variable holding the database password
              --table NAME           the order table (default PURCHASE_ORDERS; SCHEMA.TABLE allowed)
              --secret-env VAR       environment variable holding the webhook secret (whsec_...);
                                     during a rotation, both secrets separated by a space
              --port N               port for webhooks (default 8787; 0 picks a free one)
              --bind ADDRESS         address to listen on (default 127.0.0.1)
              --poll-interval TIME   how often to look for orders without EXTERNAL_ID and for
                                     receipts: 500ms, 10s, 5m (default 10s)
              --wms-url URL          the WMS API; without it the simulated WMS runs inside the
                                     bridge at http://127.0.0.1:PORT/wms
              --auto-receive         the simulated WMS receives each order in full at once
              --exit-with-stdin      stop when standard input closes: for a parent process (such
                                     as Restock's demo) whose death must not leave the bridge behind
            """;

    private static final String EXIT_WITH_STDIN = "--exit-with-stdin";

    private Main() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %5$s%6$s%n");
        BridgeConfig config;
        boolean exitWithStdin;
        try {
            if (args.length == 0 || List.of(args).contains("--help")) {
                System.out.print(USAGE);
                System.exit(args.length == 0 ? 2 : 0);
            }
            exitWithStdin = List.of(args).contains(EXIT_WITH_STDIN);
            config = parse(
                    Arrays.stream(args)
                            .filter(arg -> !arg.equals(EXIT_WITH_STDIN))
                            .toArray(String[]::new),
                    System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("wms-bridge: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }

        System.getLogger("wms-bridge").log(System.Logger.Level.INFO, "Starting with {0}", config);
        Bridge bridge = Bridge.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                bridge.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        System.out.println("wms-bridge ready on port " + bridge.port());
        System.out.flush();
        if (exitWithStdin) {
            exitWhenStandardInputCloses();
        }
        stopped.await();
    }

    /**
     * A parent that dies, even by {@code kill -9}, closes its end of our standard input: the read
     * returns end of file and the bridge stops (the shutdown hook closes it cleanly).
     */
    private static void exitWhenStandardInputCloses() {
        Thread watcher = new Thread(
                () -> {
                    try {
                        while (System.in.read() != -1) {
                            // Whatever the parent writes is ignored; only the end matters.
                        }
                    } catch (java.io.IOException e) {
                        // A broken pipe is an end too.
                    }
                    System.getLogger("wms-bridge").log(System.Logger.Level.INFO, "Standard input closed; stopping");
                    System.exit(0);
                },
                "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Reads the options; secrets come from the environment variables the options name. */
    static BridgeConfig parse(String[] args, Map<String, String> environment) {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        String jdbcUrl = null, user = null, passwordEnv = null, secretEnv = null, wmsUrl = null;
        String table = "PURCHASE_ORDERS", bind = "127.0.0.1", port = "8787", pollInterval = "10s";
        boolean autoReceive = false;
        while (!rest.isEmpty()) {
            String option = rest.pop();
            switch (option) {
                case "--jdbc-url" -> jdbcUrl = value(option, rest);
                case "--user" -> user = value(option, rest);
                case "--password-env" -> passwordEnv = value(option, rest);
                case "--table" -> table = value(option, rest);
                case "--secret-env" -> secretEnv = value(option, rest);
                case "--port" -> port = value(option, rest);
                case "--bind" -> bind = value(option, rest);
                case "--poll-interval" -> pollInterval = value(option, rest);
                case "--wms-url" -> wmsUrl = value(option, rest);
                case "--auto-receive" -> autoReceive = true;
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        if (jdbcUrl == null) {
            throw new IllegalArgumentException("--jdbc-url is required");
        }
        if (secretEnv == null) {
            throw new IllegalArgumentException("--secret-env is required: unsigned webhooks are never accepted");
        }
        List<String> secrets = List.of(
                environmentValue(environment, secretEnv, "--secret-env").trim().split("\\s+"));
        for (String secret : secrets) {
            checkSecret(secret, secretEnv);
        }
        String password = passwordEnv == null ? null : environmentValue(environment, passwordEnv, "--password-env");
        return new BridgeConfig(
                jdbcUrl,
                user,
                password,
                table,
                bind,
                portNumber(port),
                secrets,
                duration(pollInterval),
                wmsUrl == null ? null : URI.create(wmsUrl),
                autoReceive);
    }

    /** Accepts 500ms, 10s, 5m, 1h, or an ISO-8601 duration such as PT10S. */
    static Duration duration(String text) {
        try {
            Duration duration;
            if (text.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.matches("\\d+[smh]")) {
                duration = Duration.parse("PT" + text.toUpperCase());
            } else {
                duration = Duration.parse(text);
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("--poll-interval must be positive, got '" + text + "'");
            }
            return duration;
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--poll-interval '" + text + "' is not a duration; write for example 500ms, 10s or 5m");
        }
    }

    private static String value(String option, Deque<String> rest) {
        if (rest.isEmpty() || rest.peek().startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.pop();
    }

    private static String environmentValue(Map<String, String> environment, String variable, String option) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "environment variable " + variable + " (named by " + option + ") is not set or empty");
        }
        return value;
    }

    /** The Standard Webhooks library takes {@code whsec_} plus base64; never echo the secret. */
    private static void checkSecret(String secret, String variable) {
        try {
            new Webhook(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("environment variable " + variable
                    + " does not hold a webhook secret: expected whsec_ followed by base64, as Restock shows it");
        }
    }

    private static int portNumber(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port '" + text + "' is not a port number (0 to 65535)");
        }
    }
}
