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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one Restock home, shared by every process that uses that home.
 *
 * <p>One process at a time is in charge of the server: the one holding {@code postgres/owner.lock}.
 * It starts the server, or adopts one already running on the data folder (left by a process that
 * was killed, or still used by others), and writes its port to {@code postgres/port}. Any other
 * process finds the lock taken and connects to that port, so two processes never start
 * PostgreSQL on one data folder. The server lives as long as someone uses it: a process that
 * leaves stops it only when no other client is connected; otherwise it leaves it running and
 * gives up the lock, and the last one out stops it. Within one JVM the server is reference
 * counted, so several Spring contexts (as in tests) share it.
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

    /**
     * The {@code ApplicationName} this process's connections to the server carry: it names the
     * process, so that a process leaving can tell its own sessions from other processes' ones.
     */
    public static String applicationName() {
        return "restock pid " + ProcessHandle.current().pid();
    }

    /** True when this process is in charge of the server (started or adopted it). */
    public boolean isOwner() {
        return ownerLock != null;
    }

    @Override
    public void close() {
        synchronized (EmbeddedPostgresServer.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(folder);
            leave();
        }
    }

    private static EmbeddedPostgresServer startOrJoin(Path folder) {
        long deadline = System.nanoTime() + WAIT_FOR_OWNER.toNanos();
        try {
            Files.createDirectories(folder);
            while (true) {
                FileChannel channel = openLock(folder);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return takeCharge(folder, channel, lock);
                }
                channel.close();
                Optional<Integer> port = readPort(folder);
                if (port.isPresent() && Postmaster.answers(port.get())) {
                    log.info("Using the embedded PostgreSQL another Restock process runs on port {}", port.get());
                    return new EmbeddedPostgresServer(folder, port.get(), null, null, null);
                }
                if (System.nanoTime() > deadline) {
                    throw new RestockException("Another Restock process holds " + folder + " but its PostgreSQL"
                            + " did not answer within " + WAIT_FOR_OWNER.toSeconds() + " s. Stop the other"
                            + " process (or wait for it) and try again.");
                }
                waitBriefly();
            }
        } catch (IOException e) {
            throw new RestockException(
                    "Could not start the embedded PostgreSQL in " + folder + ": " + fileProblem(e)
                            + ". Check that the folder is writable, or set RESTOCK_DB_URL"
                            + " to use an external PostgreSQL.",
                    e);
        }
    }

    /**
     * What went wrong with a file, in words: the JDK's file exceptions often carry only the path
     * ({@code /proc/nope}), their kind saying the rest.
     */
    static String fileProblem(IOException e) {
        if (e instanceof java.nio.file.FileSystemException file) {
            String reason = file.getReason() != null
                    ? file.getReason()
                    : switch (file) {
                        case java.nio.file.AccessDeniedException denied -> "permission denied";
                        case java.nio.file.NoSuchFileException missing -> "no such file or folder";
                        case java.nio.file.FileAlreadyExistsException exists -> "exists and is not a folder";
                        case java.nio.file.NotDirectoryException notFolder -> "is not a folder";
                        default -> "cannot be written";
                    };
            return (file.getFile() != null ? file.getFile() + ": " : "") + RestockException.clause(reason);
        }
        return RestockException.clause(e.getMessage());
    }

    /** With the lock: adopt the server running on the data folder, or start one. */
    private static EmbeddedPostgresServer takeCharge(Path folder, FileChannel channel, FileLock lock)
            throws IOException {
        Optional<Postmaster> running = Postmaster.running(folder.resolve("data"));
        if (running.isPresent() && Postmaster.answers(running.get().port())) {
            int port = running.get().port();
            log.info("Taking charge of the embedded PostgreSQL already running on port {}", port);
            Files.writeString(folder.resolve("port"), Integer.toString(port), StandardCharsets.US_ASCII);
            return new EmbeddedPostgresServer(folder, port, null, channel, lock);
        }
        if (running.isPresent()) {
            log.warn(
                    "Stopping PostgreSQL (pid {}) that no longer answers",
                    running.get().pid());
            running.get().stop();
        }
        return start(folder, channel, lock);
    }

    private static FileChannel openLock(Path folder) throws IOException {
        return FileChannel.open(folder.resolve("owner.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static Optional<Integer> readPort(Path folder) {
        try {
            String text = Files.readString(folder.resolve("port")).trim();
            return text.matches("\\d+") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static EmbeddedPostgresServer start(Path folder, FileChannel channel, FileLock lock) throws IOException {
        Path data = folder.resolve("data");
        Path portFile = folder.resolve("port");
        Files.deleteIfExists(portFile);
        log.info("Starting embedded PostgreSQL in '{}'", data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "60")
                // Restock's own data (stock orders among it) must survive a crash: the test-oriented
                // library defaults turn fsync and synchronous commit off.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
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

    /**
     * Stops the server when no other client uses it; otherwise leaves it running for them and
     * gives up the lock, so that whoever leaves last stops it.
     */
    private void leave() {
        try {
            FileChannel channel = lockChannel != null ? lockChannel : openLock(folder);
            FileLock lock = ownerLock != null ? ownerLock : channel.tryLock();
            if (lock == null) {
                channel.close();
                return;
            }
            try {
                int others = Postmaster.otherClients(port, applicationName());
                if (others == 0) {
                    Postmaster.terminateClients(port, applicationName());
                    stopServer();
                } else {
                    log.info("Leaving PostgreSQL running for {} other connection(s)", others);
                }
            } finally {
                lock.release();
                channel.close();
            }
        } catch (IOException e) {
            log.warn("Could not release '{}' cleanly: {}", folder, e.getMessage());
        }
    }

    private void stopServer() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        // The embedded library's stop gives up waiting after a few seconds, which a loaded machine
        // can exceed: wait until the postmaster has really gone (and removed postmaster.pid).
        Postmaster.running(folder.resolve("data")).ifPresent(Postmaster::stop);
        Files.deleteIfExists(folder.resolve("port"));
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
