package dev.restock.ingest.entities;

import dev.restock.ingest.ImportProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Imports one entity file inside the caller's transaction: reads and checks every row into a
 * staging table, checks keys and references, then applies it. Throws at the first problem.
 */
final class EntityFileLoader {

    private static final int PROGRESS_EVERY_ROWS = 10_000;
    private static final int BYTES_PER_KIB = 1024;
    private static final Logger log = LoggerFactory.getLogger(EntityFileLoader.class);

    private final JdbcTemplate jdbc;
    private final EntityWriter writer;
    private final ComponentCycles cycles;

    EntityFileLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writer = new EntityWriter(jdbc);
        this.cycles = new ComponentCycles(jdbc);
    }

    FileResult load(EntityFile entity, Path path) {
        long started = System.nanoTime();
        try (EntityFileReader reader = EntityFileReader.open(path, entity);
                ImportProgress progress = progressFor(entity, path);
                EntityStage stage = EntityStage.create(jdbc, entity)) {
            EntityHeader header = reader.readHeader();
            long linesRead = stageRows(reader, stage, progress);
            long staged = System.nanoTime();

            stage.checkKeysAreUnique(header);
            stage.checkReferencesExist(header);
            long checked = System.nanoTime();

            EntityWriter.Applied applied = writer.apply(entity, stage);
            if (entity == EntityFile.COMPONENTS && applied.imported() > 0) {
                cycles.check(stage, header);
            }
            log.debug(
                    "'{}': {} lines read and staged in {} ms, checked in {} ms, applied in {} ms",
                    entity.fileName(),
                    linesRead,
                    millisBetween(started, staged),
                    millisBetween(staged, checked),
                    millisBetween(checked, System.nanoTime()));
            return new FileResult(
                    entity, linesRead, applied.imported(), applied.skipped(), applied.products(), reader.sha256());
        }
    }

    private static long stageRows(EntityFileReader reader, EntityStage stage, ImportProgress progress) {
        long linesRead = reader.forEachRow(row -> {
            stage.add(row);
            if (reader.rowsRead() % PROGRESS_EVERY_ROWS == 0) {
                progress.stepTo(reader.bytesRead() / BYTES_PER_KIB);
                progress.step(String.format("%,d lines", reader.rowsRead()));
            }
        });
        stage.finish();
        progress.stepTo(reader.bytesRead() / BYTES_PER_KIB);
        progress.step("checking and saving");
        return linesRead;
    }

    private static long millisBetween(long startNanos, long endNanos) {
        return Duration.ofNanos(endNanos - startNanos).toMillis();
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
