package dev.restock.ingest;

import java.util.List;
import java.util.Map;

/**
 * What one import did. {@code linesImported} counts lines that were new or changed, so a
 * re-run of the same file reports 0 and {@code changed = false}.
 *
 * @param kind the importer, e.g. {@code online-retail} or {@code entities}
 * @param source the file or folder imported
 * @param linesRead data lines read (header excluded)
 * @param linesImported lines that inserted or changed a row
 * @param linesSkipped lines deliberately not imported (non-product codes, unchanged rows are
 *     not skipped, they are counted as read only)
 * @param variants variants in the catalog that the import touched or created
 * @param skipped why lines were skipped, with counts (e.g. {@code "POST (postage)": 1252})
 * @param details further counts per entity or table
 * @param errors problems that made the import fail; empty on success
 */
public record ImportSummary(
        String kind,
        String source,
        long linesRead,
        long linesImported,
        long linesSkipped,
        long variants,
        boolean changed,
        Map<String, Long> skipped,
        Map<String, Long> details,
        List<ImportError> errors) {

    public ImportSummary {
        skipped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skipped));
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
        errors = List.copyOf(errors);
    }

    /** One problem, as printed in {@code --format json}. */
    public record ImportError(String file, long line, int column, String field, String message) {

        public static ImportError of(ImportException exception) {
            return new ImportError(
                    exception.file(), exception.line(), exception.column(), exception.field(), exception.getMessage());
        }
    }

    public static ImportSummary failed(String kind, String source, ImportException exception) {
        return new ImportSummary(
                kind, source, 0, 0, 0, 0, false, Map.of(), Map.of(), List.of(ImportError.of(exception)));
    }
}
