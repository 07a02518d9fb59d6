package dev.restock.ingest.entities;

import dev.restock.ingest.ImportException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each column of an entity file stands in the file's header. Names are matched ignoring
 * case and surrounding spaces; optional columns may be absent.
 */
final class EntityHeader {

    private final EntityFile entity;
    private final int[] positions;
    private final int width;

    private EntityHeader(EntityFile entity, int[] positions, int width) {
        this.entity = entity;
        this.positions = positions;
        this.width = width;
    }

    /** Checks the header line and maps it; throws naming the first unknown or missing column. */
    static EntityHeader of(EntityFile entity, List<String> names) {
        Map<String, Integer> found = positionsByName(entity, names);
        int[] positions = new int[entity.columns().size()];
        for (int i = 0; i < positions.length; i++) {
            Column column = entity.columns().get(i);
            Integer position = found.get(column.name());
            if (position == null && column.required()) {
                throw new ImportException(
                        entity.fileName(),
                        1,
                        0,
                        column.name(),
                        "the required column " + column.name() + " is missing; the header has "
                                + String.join(", ", names));
            }
            positions[i] = position == null ? 0 : position;
        }
        return new EntityHeader(entity, positions, names.size());
    }

    private static Map<String, Integer> positionsByName(EntityFile entity, List<String> names) {
        Map<String, Integer> found = new HashMap<>();
        for (int position = 1; position <= names.size(); position++) {
            String name = names.get(position - 1).strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new ImportException(
                        entity.fileName(),
                        1,
                        position,
                        null,
                        "column " + position + " of the header has no name; remove the empty column or name it");
            }
            if (!isKnown(entity, name)) {
                throw new ImportException(entity.fileName(), 1, position, name, unknownColumn(entity, name));
            }
            Integer earlier = found.putIfAbsent(name, position);
            if (earlier != null) {
                throw new ImportException(
                        entity.fileName(),
                        1,
                        position,
                        name,
                        "the column " + name + " appears twice, in columns " + earlier + " and " + position);
            }
        }
        return found;
    }

    private static boolean isKnown(EntityFile entity, String name) {
        return entity.columns().stream().anyMatch(column -> column.name().equals(name));
    }

    private static String unknownColumn(EntityFile entity, String name) {
        String problem = "unknown column " + name + "; " + entity.fileName() + " has only the columns "
                + String.join(", ", entity.columns().stream().map(Column::name).toList());
        if (name.contains(";") || name.contains("\t")) {
            problem += " (columns must be separated by commas, not semicolons or tabs)";
        }
        return problem;
    }

    /** Number of columns in the header; every row must have as many values. */
    int width() {
        return width;
    }

    /** 1-based column in the file of the entity's column {@code index}, 0 when absent. */
    int position(int index) {
        return positions[index];
    }

    int positionOf(String columnName) {
        return positions[entity.indexOf(columnName)];
    }
}
