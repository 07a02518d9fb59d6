package dev.restock.ingest.entities;

import dev.restock.ingest.ImportException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of one entity file in a temporary table, so that keys, references and the upsert are
 * checked and applied set-based instead of one statement per row. The table lives until the
 * importing transaction ends. Not thread-safe.
 */
final class EntityStage {

    /** Rows per batch insert; with reWriteBatchedInserts the driver sends few large statements. */
    private static final int BATCH_SIZE = 2_000;

    private final JdbcTemplate jdbc;
    private final EntityFile entity;
    private final String table;
    private final String insert;
    private final int[] argumentTypes;
    private final List<Object[]> batch = new ArrayList<>(BATCH_SIZE);

    private EntityStage(JdbcTemplate jdbc, EntityFile entity) {
        this.jdbc = jdbc;
        this.entity = entity;
        this.table = "stage_" + entity.name().toLowerCase(Locale.ROOT);
        this.insert = "insert into " + table + " (line, "
                + entity.columns().stream().map(Column::sqlName).collect(Collectors.joining(", ")) + ") values (?"
                + ", ?".repeat(entity.columns().size()) + ")";
        this.argumentTypes = argumentTypes(entity);
    }

    static EntityStage create(JdbcTemplate jdbc, EntityFile entity) {
        EntityStage stage = new EntityStage(jdbc, entity);
        String columns = entity.columns().stream()
                .map(column -> column.sqlName() + " " + column.type().sqlType())
                .collect(Collectors.joining(", "));
        jdbc.execute(
                "create temporary table " + stage.table + " (line bigint not null, " + columns + ") on commit drop");
        return stage;
    }

    String table() {
        return table;
    }

    void add(EntityRow row) {
        Object[] arguments = new Object[row.values().length + 1];
        arguments[0] = row.line();
        System.arraycopy(row.values(), 0, arguments, 1, row.values().length);
        batch.add(arguments);
        if (batch.size() == BATCH_SIZE) {
            flush();
        }
    }

    /** Sends the last rows and refreshes statistics, which autovacuum never gathers for temp tables. */
    void finish() {
        flush();
        jdbc.execute("analyze " + table);
    }

    private void flush() {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(insert, batch, argumentTypes);
            batch.clear();
        }
    }

    /** Throws at the second line of the first key that appears twice. */
    void checkKeysAreUnique(EntityHeader header) {
        String keys = entity.keys().stream().map(String::toLowerCase).collect(Collectors.joining(", "));
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
                    "unknown " + reference.noun() + " '" + value + "'; it is neither in the" + " database nor in "
                            + reference.file() + " of this folder");
        }
    }

    private static int[] argumentTypes(EntityFile entity) {
        int[] types = new int[entity.columns().size() + 1];
        types[0] = Types.BIGINT;
        for (int i = 0; i < entity.columns().size(); i++) {
            types[i + 1] = entity.columns().get(i).type().jdbcType();
        }
        return types;
    }
}
