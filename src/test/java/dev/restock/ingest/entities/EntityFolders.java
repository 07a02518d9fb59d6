package dev.restock.ingest.entities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test folders of entity files: the small valid folder in test resources, and files written inline. */
final class EntityFolders {

    static final String UPDATED = "2024-03-01T10:15:00Z";
    static final String LATER = "2024-04-01T10:15:00Z";
    static final String EARLIER = "2024-02-01T10:15:00Z";

    private EntityFolders() {}

    /** The valid folder itself; read it, never write into it. */
    static Path valid() {
        try {
            return Path.of(EntityFolders.class.getResource("/entities/valid").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the valid folder in {@code target}, to change before importing. */
    static Path copyOfValid(Path target) {
        try (Stream<Path> files = Files.list(valid())) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code lines} as a UTF-8 file with a final line break. */
    static Path write(Path folder, String fileName, String... lines) {
        return writeBytes(folder, fileName, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static Path writeBytes(Path folder, String fileName, byte[] bytes) {
        try {
            Files.createDirectories(folder);
            return Files.write(folder.resolve(fileName), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
