package dev.restock.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a Restock home shows of its embedded PostgreSQL from outside, for tests that start Restock
 * in processes of their own: the server process, while it runs, and the port it listens on.
 */
public final class HomeProcesses {

    private HomeProcesses() {}

    /** The home's PostgreSQL server process, if one is running. */
    public static Optional<ProcessHandle> postmaster(Path home) {
        Path pid = home.resolve("postgres/data/postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(
                            Long.parseLong(Files.readAllLines(pid).getFirst().trim()))
                    .filter(ProcessHandle::isAlive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the home's PostgreSQL listens on, once a process has started it and written it. */
    public static Optional<Integer> port(Path home) {
        try {
            String text = Files.readString(home.resolve("postgres/port")).trim();
            return text.matches("\\d+") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
