package dev.restock.store;

import dev.restock.RestockException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one Restock home, shared by every process that uses that home.
 *
 * <p>The first process to take {@code postgres/owner.lock} starts the server and writes its port
 * to {@code postgres/port}; any other process finds the lock taken and connects to that port, so
 * two processes never start PostgreSQL on one data folder. Within one JVM the server is
 * reference-counted, so several Spring contexts (as in tests) share it. The owner stops the
 * server when its last user closes, and on JVM exit (Ctrl-C included). A server left behind by
 * a JVM that was killed outright is stopped by the next owner before it starts its own.
 *
 * <p>Thread-safe: all state is guarded by the class lock.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();
    private static final Duration WAIT_FOR_OWNER = Duration.ofSeconds(60);

    private final Path folder;
    private final int port;
    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock ownerLock;
    private int users;

    private EmbeddedPostgresServer(
            Path folder, int port, EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock) {
        this.folder = folder;
        this.port = port;
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.ownerLock = lock;
    }

    /** Starts the server of {@code home}, or joins the one another process or context runs. */
    public static synchronized EmbeddedPostgresServer acquire(Path home) {
        Path folder = home.resolve("postgres");
        EmbeddedPostgresServer server = RUNNING.get(folder);
        if (server == null) {
            server = startOrJoin(folder);
            RUNNING.put(folder, server);
        }
        server.users++;
        return server;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** True when this process started the server and will stop it. */
    public boolean isOwner() {
        return postgres != null;
    }

    @Override
    public void close() {
        synchronized (EmbeddedPostgresServer.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(folder);
            stop();
        }
    }

    private static EmbeddedPostgresServer startOrJoin(Path folder) {
        try {
            Files.createDirectories(folder);
            FileChannel channel =
                    FileChannel.open(folder.resolve("owner.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return join(folder);
            }
            return start(folder, channel, lock);
        } catch (IOException e) {
            throw new RestockException(
                    "Could not start the embedded PostgreSQL in " + folder + ": "
                            + e.getMessage() + ". Check that the folder is writable, or set RESTOCK_DB_URL"
                            + " to use an external PostgreSQL.",
                    e);
        }
    }

    private static EmbeddedPostgresServer start(Path folder, FileChannel channel, FileLock lock) throws IOException {
        Path data = folder.resolve("data");
        Path portFile = folder.resolve("port");
        Files.deleteIfExists(portFile);
        stopOrphan(data);
        log.info("Starting embedded PostgreSQL in '{}'", data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "60")
                .setServerConfig("fsync", "on")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                // Nothing replicates from the embedded server, so WAL only needs to cover crash
                // recovery; with minimal WAL, a bulk load into a table truncated in the same
                // transaction skips WAL altogether (PostgreSQL docs, "Populating a Database").
                .setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0")
                .start();
        Files.writeString(portFile, Integer.toString(postgres.getPort()), StandardCharsets.US_ASCII);
        createDatabaseIfMissing(postgres);
        return new EmbeddedPostgresServer(folder, postgres.getPort(), postgres, channel, lock);
    }

    private static EmbeddedPostgresServer join(Path folder) throws IOException {
        Path portFile = folder.resolve("port");
        long deadline = System.nanoTime() + WAIT_FOR_OWNER.toNanos();
        while (!Files.exists(portFile)) {
            if (System.nanoTime() > deadline) {
                throw new RestockException("Another Restock process holds " + folder
                        + " but its PostgreSQL did not come up within " + WAIT_FOR_OWNER.toSeconds()
                        + " s. Stop the other process (or wait for it) and try again.");
            }
            waitBriefly();
        }
        int port = Integer.parseInt(Files.readString(portFile).trim());
        log.info("Using the embedded PostgreSQL another Restock process runs on port {}", port);
        return new EmbeddedPostgresServer(folder, port, null, null, null);
    }

    /**
     * Stops a postmaster whose owning JVM died without stopping it (kill -9). We hold the owner
     * lock, so no live Restock process is using it.
     */
    private static void stopOrphan(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine =
                Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> orphan =
                firstLine.matches("\\d+") ? ProcessHandle.of(Long.parseLong(firstLine)) : Optional.empty();
        if (orphan.isEmpty() || !orphan.get().isAlive()) {
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running by a Restock process that was killed", firstLine);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new RestockException(
                    "A PostgreSQL left running (pid " + firstLine + ") on " + data
                            + " did not stop within 30 s. Stop it by hand and try again.",
                    e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            var result = statement.executeQuery("select 1 from pg_database where datname = 'restock'");
            if (!result.next()) {
                statement.execute("create database restock");
            }
        } catch (java.sql.SQLException e) {
            throw new RestockException(
                    "Could not create the database 'restock' in the embedded" + " PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            Files.deleteIfExists(folder.resolve("port"));
            ownerLock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Could not release '{}' cleanly: {}", folder, e.getMessage());
        }
    }

    private static void waitBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestockException("Interrupted while waiting for the embedded PostgreSQL", e);
        }
    }
}
