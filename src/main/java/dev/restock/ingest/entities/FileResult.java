package dev.restock.ingest.entities;

/**
 * What importing one entity file did.
 *
 * @param linesRead data rows in the file
 * @param imported rows inserted or changed
 * @param skipped rows older than the stored row, not applied
 * @param products products created or renamed through variants.csv
 * @param sha256 the file's content hash
 */
record FileResult(EntityFile entity, long linesRead, long imported, long skipped, long products, String sha256) {}
