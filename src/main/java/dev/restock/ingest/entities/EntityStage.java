package dev.restock.ingest.entities;

import dev.restock.ingest.ImportException;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of one entity file in a temporary table, so that keys, references and the upsert are
 * checked and applied set-based instead of one statement per row. The table lives until the
 * importing transaction ends; close the stage even when reading fails, so that an unfinished copy
 * does not block the rollback. Not thread-safe.
 */
final class EntityStage implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final EntityFile entity;
    private final String table;
    private final StageCopy copy;

    private EntityStage(JdbcTemplate jdbc, EntityFile entity, String table, StageCopy copy) {
        this.jdbc = jdbc;
        this.entity = entity;
        this.table = table;
        this.copy = copy;
    }

    /** Creates the staging table and starts copying into it. */
    static EntityStage create(JdbcTemplate jdbc, EntityFile entity) {
        String table = "stage_" + entity.name().toLowerCase(Locale.ROOT);
        String columns = entity.columns().stream()
                .map(column -> column.sqlName() + " " + column.type().sqlType())
                .collect(Collectors.joining(", "));
        jdbc.execute("create temporary table " + table + " (line bigint not null, " + columns + ") on commit drop");
        String names = entity.columns().stream().map(Column::sqlName).collect(Collectors.joining(", "));
        return new EntityStage(jdbc, entity, table, StageCopy.start(jdbc, table, "line, " + names));
    }

    String table() {
        return table;
    }

    void add(EntityRow row) {
        copy.add(row.line(), row.values());
    }

    /** Ends the copy and refreshes statistics, which autovacuum never gathers for temp tables. */
    void finish() {
        copy.finish();
        jdbc.execute("analyze " + table);
    }

    @Override
    public void close() {
        copy.close();
    }

    /** Throws at the second line of the first key that appears twice. */
    void checkKeysAreUnique(EntityHeader header) {
        String keys =
                entity.keys().stream().map(key -> key.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        boolean duplicated = !jdbc.queryForList(
                        "select 1 from " + table + " group by " + keys + " having count(*) > 1 limit 1")
                .isEmpty();
        if (duplicated) {
            Duplicate duplicate = jdbc.queryForObject(
                    "select line, first_line, concat_ws(', ', " + keys + ") from (select line, " + keys
                            + ", min(line) over keys as first_line, row_number() over (keys order by line) as n"
                            + " from " + table + " window keys as (partition by " + keys + ")) d"
                            + " where n = 2 order by line limit 1",
                    (result, row) -> new Duplicate(result.getLong(1), result.getLong(2), result.getString(3)));
            throw duplicate.problem(entity, header);
        }
    }

    /** Throws at the first line that names a variant, warehouse or vendor that does not exist. */
    void checkReferencesExist(EntityHeader header) {
        for (Reference reference : entity.references()) {
            String column = reference.column().toLowerCase(Locale.ROOT);
            jdbc
                    .query(
                            "select line, " + column + " from " + table + " s where not exists (select 1 from "
                                    + reference.table() + " t where t." + reference.key() + " = s." + column
                                    + ") order by line limit 1",
                            (result, row) -> new MissingReference(reference, result.getLong(1), result.getString(2)))
                    .stream()
                    .findFirst()
                    .ifPresent(missing -> {
                        throw missing.problem(entity, header);
                    });
        }
    }

    private record Duplicate(long line, long firstLine, String key) {

        ImportException problem(EntityFile entity, EntityHeader header) {
            String keys = String.join(", ", entity.keys());
            return new ImportException(
                    entity.fileName(),
                    line,
                    header.positionOf(entity.keys().getFirst()),
                    keys,
                    "'" + key + "' appears twice, first at line " + firstLine + "; each "
                            + String.join(" and ", entity.keys()) + " may appear once per file");
        }
    }

    private record MissingReference(Reference reference, long line, String value) {

        ImportException problem(EntityFile entity, EntityHeader header) {
            return new ImportException(
                    entity.fileName(),
                    line,
                    header.positionOf(reference.column()),
                    reference.column(),
                    "unknown " + reference.noun() + " '" + value + "'; it is neither in the database nor in "
                            + reference.file() + " of this folder");
        }
    }
}
