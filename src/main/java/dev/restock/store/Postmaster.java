package dev.restock.store;

import dev.restock.RestockException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server seen from outside, through its data folder's {@code postmaster.pid} and
 * its port: whether it runs, who else uses it, and how to stop it when no Restock process
 * started it in this JVM.
 */
record Postmaster(long pid, int port) {

    /** The server running on {@code data}, if its {@code postmaster.pid} names a live process. */
    static Optional<Postmaster> running(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4
                    || !lines.get(0).trim().matches("\\d+")
                    || !lines.get(3).trim().matches("\\d+")) {
                return Optional.empty();
            }
            Postmaster postmaster = new Postmaster(
                    Long.parseLong(lines.get(0).trim()),
                    Integer.parseInt(lines.get(3).trim()));
            return ProcessHandle.of(postmaster.pid())
                    .filter(ProcessHandle::isAlive)
                    .map(alive -> postmaster);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A connection to the server's maintenance database, or an exception when it does not answer. */
    static Connection connect(int port) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "restock-lifecycle");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties);
    }

    static boolean answers(int port) {
        try (Connection connection = connect(port)) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Client connections of other processes: not the one asking, nor those this process opened
     * under {@code ownApplicationName}. Those may still be busy on the server after their pool
     * dropped them (a COPY, a commit), and must not keep it running. 0 when the server does not
     * answer.
     */
    static int otherClients(int port, String ownApplicationName) {
        try (Connection connection = connect(port);
                var statement = connection.prepareStatement("select count(*) from pg_stat_activity"
                        + " where backend_type = 'client backend' and pid <> pg_backend_pid()"
                        + " and application_name is distinct from ?")) {
            statement.setString(1, ownApplicationName);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    /** Ends the sessions this process left behind, so that the shutdown does not wait for them. */
    static void terminateClients(int port, String ownApplicationName) {
        try (Connection connection = connect(port);
                var statement = connection.prepareStatement("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where backend_type = 'client backend' and pid <> pg_backend_pid()"
                        + " and application_name = ?")) {
            statement.setString(1, ownApplicationName);
            statement.execute();
        } catch (SQLException e) {
            // The server is going away already; the stop below waits for it either way.
        }
    }

    /** Asks the server to shut down (SIGTERM: finish, refuse new clients) and waits for it. */
    void stop() {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new RestockException(
                        "PostgreSQL (pid " + pid + ") did not stop within 60 s. Stop it by hand" + " (kill " + pid
                                + ") and try again.",
                        e);
            }
        });
    }
}
