package dev.restock.ingest.entities;

import dev.restock.ingest.ImportException;
import dev.restock.ingest.ImportRuns;
import dev.restock.ingest.ImportSummary;
import dev.restock.ingest.SalesLinesListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a folder of entity CSV files; see docs/entity-files.md. All or nothing: every file is
 * applied in one transaction, so a problem in any file changes nothing. Incremental: a row
 * replaces the stored one only when its UPDATED_AT is newer, so importing a folder twice changes
 * nothing the second time.
 */
@Component
public class EntityImporter {

    public static final String KIND = "entities";

    private static final Logger log = LoggerFactory.getLogger(EntityImporter.class);

    private final TransactionTemplate transactions;
    private final EntityFileLoader loader;
    private final SalesLinesListener salesListener;
    private final ImportRuns importRuns;

    public EntityImporter(
            PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc,
            SalesLinesListener salesListener,
            ImportRuns importRuns) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.loader = new EntityFileLoader(jdbc);
        this.salesListener = salesListener;
        this.importRuns = importRuns;
    }

    /**
     * Imports every entity file of {@code folder}.
     *
     * @throws ImportException naming the file, line, column and field of the first problem; the
     *     database is then unchanged
     */
    public ImportSummary importFolder(Path folder) {
        Instant startedAt = Instant.now();
        EntityFolder entityFolder = EntityFolder.scan(folder);
        log.info(
                "Importing {} from '{}'",
                entityFolder.files().keySet().stream().map(EntityFile::fileName).toList(),
                folder);
        return transactions.execute(status -> importAll(entityFolder, startedAt));
    }

    private ImportSummary importAll(EntityFolder folder, Instant startedAt) {
        List<FileResult> results = new ArrayList<>();
        folder.files().forEach((entity, path) -> results.add(loader.load(entity, path)));

        // Days are cut in each warehouse's time zone, so a new zone moves demand as much as new sales.
        if (changed(results, EntityFile.SALES_ORDERS) || changed(results, EntityFile.WAREHOUSES)) {
            long started = System.nanoTime();
            salesListener.salesChanged(null);
            log.debug(
                    "Rebuilt daily demand in {} ms",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        ImportSummary summary = summarize(folder, results);
        importRuns.record(summary, sha256(results), startedAt, Instant.now());
        log.info(
                "Imported '{}': {} lines read, {} imported, {} skipped as older",
                folder.folder(),
                summary.linesRead(),
                summary.linesImported(),
                summary.linesSkipped());
        return summary;
    }

    private static boolean changed(List<FileResult> results, EntityFile entity) {
        return results.stream().anyMatch(result -> result.entity() == entity && result.imported() > 0);
    }

    private static ImportSummary summarize(EntityFolder folder, List<FileResult> results) {
        Map<String, Long> skipped = new TreeMap<>();
        Map<String, Long> details = new TreeMap<>();
        long read = 0;
        long imported = 0;
        long variants = 0;
        for (FileResult result : results) {
            read += result.linesRead();
            imported += result.imported();
            details.put(result.entity().fileName(), result.imported());
            if (result.skipped() > 0) {
                skipped.put(result.entity().fileName() + " (older UPDATED_AT)", result.skipped());
            }
            if (result.entity() == EntityFile.VARIANTS) {
                variants = result.imported();
                details.put("products", result.products());
            }
        }
        long skippedLines = skipped.values().stream().mapToLong(Long::longValue).sum();
        return new ImportSummary(
                KIND,
                folder.folder().toString(),
                read,
                imported,
                skippedLines,
                variants,
                imported > 0,
                skipped,
                details,
                List.of());
    }

    /** One hash for the folder: the name and content hash of each file, in import order. */
    private static String sha256(List<FileResult> results) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (FileResult result : results) {
                String entry = result.entity().fileName() + " " + result.sha256() + "\n";
                digest.update(entry.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
