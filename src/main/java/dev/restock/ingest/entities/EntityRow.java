package dev.restock.ingest.entities;

/**
 * One data row of an entity file, checked and converted.
 *
 * @param line the line where the row starts (the header is line 1)
 * @param values one value per column of the entity, in {@link EntityFile#columns()} order; null
 *     where the column is absent or empty. The array is handed over, not copied.
 */
record EntityRow(long line, Object[] values) {

    Object value(EntityFile entity, String column) {
        return values[entity.indexOf(column)];
    }
}
