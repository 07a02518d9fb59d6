package dev.restock.ingest.entities;

import dev.restock.ingest.ImportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The entity files found in a folder, iterated in the order they are applied. Files that do not
 * end in .csv (a README, a spreadsheet kept beside) are left alone; a .csv file with another name
 * is an error, because it is most likely a misspelt entity file whose rows would silently be lost.
 */
record EntityFolder(Path folder, Map<EntityFile, Path> files) {

    EntityFolder {
        files = Collections.unmodifiableMap(new EnumMap<>(files));
    }

    static EntityFolder scan(Path folder) {
        String name = folder.toString();
        if (!Files.isDirectory(folder)) {
            throw new ImportException(name, "is not a folder; give the folder that holds the entity CSV files");
        }
        List<Path> csvFiles = csvFilesIn(folder);
        List<String> unknown = csvFiles.stream()
                .map(file -> file.getFileName().toString())
                .filter(file -> EntityFile.named(file).isEmpty())
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new ImportException(
                    name,
                    "unknown file " + String.join(", ", unknown) + "; expected only " + expectedNames()
                            + " (names are lower case)");
        }
        if (csvFiles.isEmpty()) {
            throw new ImportException(name, "has no entity files; expected at least one of " + expectedNames());
        }
        Map<EntityFile, Path> files = new EnumMap<>(EntityFile.class);
        csvFiles.forEach(file ->
                files.put(EntityFile.named(file.getFileName().toString()).orElseThrow(), file));
        return new EntityFolder(folder, files);
    }

    private static List<Path> csvFilesIn(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName()
                            .toString()
                            .toLowerCase(Locale.ROOT)
                            .endsWith(".csv"))
                    .toList();
        } catch (IOException e) {
            throw new ImportException(folder.toString(), "cannot be listed: " + e.getMessage());
        }
    }

    private static String expectedNames() {
        return String.join(
                ", ",
                Arrays.stream(EntityFile.values()).map(EntityFile::fileName).toList());
    }
}
