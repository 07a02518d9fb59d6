package dev.restock.ingest.entities;

import dev.restock.ingest.ImportProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Imports one entity file inside the caller's transaction: reads and checks every row into a
 * staging table, checks keys and references, then applies it. Throws at the first problem.
 */
final class EntityFileLoader {

    private static final int PROGRESS_EVERY_ROWS = 10_000;
    private static final int BYTES_PER_KIB = 1024;

    private final JdbcTemplate jdbc;
    private final EntityWriter writer;
    private final ComponentCycles cycles;

    EntityFileLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writer = new EntityWriter(jdbc);
        this.cycles = new ComponentCycles(jdbc);
    }

    FileResult load(EntityFile entity, Path path) {
        try (EntityFileReader reader = EntityFileReader.open(path, entity);
                ImportProgress progress = progressFor(entity, path)) {
            EntityHeader header = reader.readHeader();
            EntityStage stage = EntityStage.create(jdbc, entity);
            long linesRead = reader.forEachRow(row -> {
                stage.add(row);
                if (reader.rowsRead() % PROGRESS_EVERY_ROWS == 0) {
                    progress.stepTo(reader.bytesRead() / BYTES_PER_KIB);
                    progress.step(String.format("%,d lines", reader.rowsRead()));
                }
            });
            stage.finish();
            progress.step("checking and saving");

            stage.checkKeysAreUnique(header);
            stage.checkReferencesExist(header);
            EntityWriter.Applied applied = writer.apply(entity, stage);
            if (entity == EntityFile.COMPONENTS && applied.imported() > 0) {
                cycles.check(stage, header);
            }
            return new FileResult(
                    entity, linesRead, applied.imported(), applied.skipped(), applied.products(), reader.sha256());
        }
    }

    /** Only sales orders run long enough to need a progress bar. */
    private static ImportProgress progressFor(EntityFile entity, Path path) {
        if (entity != EntityFile.SALES_ORDERS) {
            return ImportProgress.none();
        }
        try {
            return ImportProgress.start(entity.fileName(), Files.size(path) / BYTES_PER_KIB, "KiB");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
