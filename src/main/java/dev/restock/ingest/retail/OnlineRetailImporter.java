package dev.restock.ingest.retail;

import dev.restock.RestockException;
import dev.restock.ingest.ImportException;
import dev.restock.ingest.ImportProgress;
import dev.restock.ingest.ImportRuns;
import dev.restock.ingest.ImportSummary;
import dev.restock.ingest.SalesLinesListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the UCI Online Retail data set as one store in Europe/London, with the demo attributes
 * (warehouses, vendors, stock) of {@link RetailAttributes}. All or nothing: one transaction.
 * Idempotent: every line has a stable key (invoice, position in the invoice), and rows are only
 * written when a value differs, so a second import of the same file changes nothing.
 */
@Component
public class OnlineRetailImporter {

    static final String SOURCE = "online-retail";
    private static final Logger log = LoggerFactory.getLogger(OnlineRetailImporter.class);

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final RetailCatalogWriter catalogWriter;
    private final RetailSalesWriter salesWriter;
    private final RetailAttributesApplier attributesApplier;
    private final SalesLinesListener salesListener;
    private final ImportRuns importRuns;
    private final Clock clock;

    public OnlineRetailImporter(
            DataSource dataSource,
            TransactionTemplate transaction,
            JdbcClient jdbc,
            RetailCatalogWriter catalogWriter,
            RetailSalesWriter salesWriter,
            RetailAttributesApplier attributesApplier,
            SalesLinesListener salesListener,
            ImportRuns importRuns,
            Clock clock) {
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.catalogWriter = catalogWriter;
        this.salesWriter = salesWriter;
        this.attributesApplier = attributesApplier;
        this.salesListener = salesListener;
        this.importRuns = importRuns;
        this.clock = clock;
    }

    public ImportSummary importFile(Path file) {
        return importFile(file, RetailAttributes.loadBundled());
    }

    public ImportSummary importFile(Path file, RetailAttributes attributes) {
        Instant startedAt = clock.instant();
        String sha256 = sha256(file);
        log.info("Importing Online Retail file '{}'", file);
        // The run is recorded in the import's transaction, so that once it has committed nothing
        // of the import is left to fail: an interruption either rolls it all back or finds it done.
        ImportSummary summary = transaction.execute(status -> {
            ImportSummary written = importInTransaction(file, attributes);
            importRuns.record(written, sha256, startedAt, clock.instant());
            return written;
        });
        log.info(
                "Imported '{}': {} lines read, {} imported, {} skipped",
                file,
                summary.linesRead(),
                summary.linesImported(),
                summary.linesSkipped());
        return summary;
    }

    // TODO(#2): the full import is 2.6 to 3.4 times a plain COPY from run to run (target 3,
    // docs/performance.md). What is left is the server's tail after the lines, one statement after
    // another on this one connection: the key of sales_lines (320 to 375 ms), the demo attributes'
    // foreign-key checks row by row (175 to 256 ms), the demand copy and key (280 ms), the commit.
    private ImportSummary importInTransaction(Path file, RetailAttributes attributes) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        jdbc.sql("set local work_mem = '128MB'").update();
        TransactionSynchronizationManager.registerSynchronization(new CommitTimer());
        Map<String, Long> details = new LinkedHashMap<>();
        details.put("warehouses", attributesApplier.applyWarehouses(attributes));
        CountryWarehouses warehouses = new CountryWarehouses(attributes, warehouseIds());
        VariantIds variantIds = VariantIds.load(jdbc, dataSource);
        RetailFacts facts = new RetailFacts();
        Instant started = clock.instant();
        long read;
        SalesLinesListener.LineWatcher watcher = null;
        try (var lines = salesWriter.begin(connection, attributes);
                var progress = ImportProgress.start("Reading", RetailFileReader.EXPECTED_LINES, "lines")) {
            watcher = lines.isBulk() && sameTimeZone(attributes) ? salesListener.watchBulkLoad() : null;
            SalesLinesListener.LineWatcher demand = watcher;
            read = BackgroundLineReader.read(file, progress, line -> {
                String lineRef = facts.nextLineRef(line.invoice());
                String sku = RetailLineKind.sku(line.stockCode());
                var reason = RetailLineKind.skipReason(sku);
                if (reason.isPresent()) {
                    facts.skip(reason.get());
                    return;
                }
                String kind = RetailLineKind.kind(line);
                RetailFacts.SkuFacts skuFacts = facts.record(sku, kind, line);
                long warehouseId = warehouses.of(line.country());
                try {
                    long variantId = skuFacts.variantId(sku, variantIds);
                    lines.add(line, lineRef, variantId, warehouseId, kind);
                    if (demand != null) {
                        demand.line(
                                variantId,
                                warehouseId,
                                line.invoiceTime().toLocalDate(),
                                kind,
                                line.quantity(),
                                line.unitPrice());
                    }
                } catch (SQLException e) {
                    throw new RestockException(
                            "Could not copy line " + line.line() + " of '" + file + "' into Restock's database: "
                                    + RestockException.clause(e.getMessage()) + ". Nothing was imported.",
                            e);
                }
            });
            if (read == 0) {
                throw new ImportException(file.toString(), 2, 0, null, "the file has a header but no data lines");
            }
            if (watcher != null) {
                watcher.allLinesSeen(); // its rows are prepared while the catalog and the key are written
            }
            lines.finishCopy();
            log.debug("Read and copied {} lines in {} ms", read, millisSince(started));
            details.putAll(catalogWriter.write(connection, facts, variantIds, attributes.currency(), lines.isBulk()));
            details.put("sales lines", lines.complete());
            details.put("sales lines removed", lines.removeMissing());
        } catch (SQLException e) {
            throw new RestockException(
                    "Could not write '" + file + "' to Restock's database: " + RestockException.clause(e.getMessage())
                            + ". Nothing was imported.",
                    e);
        }
        log.debug("Wrote catalog and sales lines at {} ms", millisSince(started));
        Instant applying = clock.instant();
        attributesApplier
                .apply(attributes)
                .forEach((table, count) ->
                        details.merge(table.equals("variants") ? "assemblies" : table, count, Long::sum));
        log.debug("Applied the demo attributes in {} ms", millisSince(applying));
        boolean changed = details.values().stream().anyMatch(count -> count > 0);
        if (changed || watcher != null) {
            details.put("demand days", (long) salesListener.salesChanged(watcher));
            log.debug("Derived daily demand at {} ms", millisSince(started));
        }
        return new ImportSummary(
                SOURCE,
                file.toString(),
                read,
                details.get("sales lines"),
                facts.skippedCount(),
                facts.skuCount(),
                changed,
                facts.skipped(),
                details,
                List.of());
    }

    /**
     * Lines of a bulk load are watched as they pass (their local dates are the warehouses' dates
     * when every warehouse is in the store's zone); any other import has demand derived again
     * from all sales lines.
     */
    private boolean sameTimeZone(RetailAttributes attributes) {
        return attributes.warehouses().stream().allMatch(w -> w.timeZone().equals(attributes.timeZone()));
    }

    /** The warehouse id of a line's country; lines of one invoice share it, so the last answer is at hand. */
    private static final class CountryWarehouses {
        private final RetailAttributes attributes;
        private final Map<String, Long> ids;
        private String country;
        private long id;

        CountryWarehouses(RetailAttributes attributes, Map<String, Long> ids) {
            this.attributes = attributes;
            this.ids = ids;
        }

        long of(String lineCountry) {
            if (!lineCountry.equals(country)) {
                country = lineCountry;
                id = ids.get(attributes.warehouseFor(lineCountry));
            }
            return id;
        }
    }

    /** Logs how long the commit took: with minimal WAL, it writes out the files of a bulk load. */
    private static final class CommitTimer implements TransactionSynchronization {
        private long committing;

        @Override
        public void beforeCommit(boolean readOnly) {
            committing = System.nanoTime();
        }

        @Override
        public void afterCommit() {
            log.debug("Committed in {} ms", (System.nanoTime() - committing) / 1_000_000);
        }
    }

    private Map<String, Long> warehouseIds() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select code, id from warehouses").query(rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }

    private long millisSince(Instant started) {
        return Duration.between(started, clock.instant()).toMillis();
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            byte[] digest = ((DigestInputStream) in).getMessageDigest().digest();
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ImportException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new ImportException(file.toString(), "cannot be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
