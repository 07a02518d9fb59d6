package dev.restock.ingest.entities;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** Applies a checked staging table to the catalog and sales tables; see {@link EntityUpserts}. */
final class EntityWriter {

    private static final Logger log = LoggerFactory.getLogger(EntityWriter.class);

    private final JdbcTemplate jdbc;

    EntityWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What applying one file did.
     *
     * @param imported rows inserted or changed
     * @param skipped rows older than the stored row, not applied
     * @param products products created or renamed (variants.csv only)
     */
    record Applied(long imported, long skipped, long products) {}

    Applied apply(EntityFile entity, EntityStage stage) {
        // Counted before the upsert, which would make newer rows look equal to what they replaced.
        long skipped = count("select count(*) from " + stage.table() + " s " + EntityUpserts.storedRows(entity)
                + " where s.updated_at < t.updated_at");
        long products = entity == EntityFile.VARIANTS ? applyProducts(stage) : 0;
        long imported = jdbc.update(EntityUpserts.upsert(entity).formatted(stage.table()));
        log.debug("Applied '{}': {} rows imported, {} skipped as older", entity.fileName(), imported, skipped);
        return new Applied(imported, skipped, products);
    }

    private long applyProducts(EntityStage stage) {
        return jdbc.update(EntityUpserts.INSERT_PRODUCTS.formatted(stage.table()))
                + jdbc.update(EntityUpserts.RENAME_PRODUCTS.formatted(stage.table()));
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
