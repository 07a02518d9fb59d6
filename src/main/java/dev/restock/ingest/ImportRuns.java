package dev.restock.ingest;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The log of imports in {@code import_runs}, written in the importing transaction. */
@Component
public class ImportRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public ImportRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(ImportSummary summary, String sha256, Instant startedAt, Instant finishedAt) {
        jdbc.sql("""
                insert into import_runs (kind, source_name, sha256, started_at, finished_at, lines_read,
                                         lines_imported, lines_skipped, changed, summary)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                """)
                .params(
                        summary.kind(),
                        summary.source(),
                        sha256,
                        java.sql.Timestamp.from(startedAt),
                        java.sql.Timestamp.from(finishedAt),
                        summary.linesRead(),
                        summary.linesImported(),
                        summary.linesSkipped(),
                        summary.changed(),
                        JSON.writeValueAsString(summary))
                .update();
    }

    /** When a file with this content was last imported by {@code kind}, if ever. */
    public Optional<Instant> lastImportOf(String kind, String sha256) {
        return jdbc.sql("select max(finished_at) from import_runs where kind = ? and sha256 = ?")
                .params(kind, sha256)
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant);
    }
}
