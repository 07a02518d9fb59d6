package dev.restock.connections;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where sync stands per connection table ({@code sync_cursors}): the UPDATED_AT cursor of a
 * table read by cursor, and for every table the times of its last passes; {@code last_pass_at},
 * when the last completed pass began, is when the table's orders that sync did not need to write
 * were last confirmed ({@code OrderSyncWriter.status}). Thread-safe.
 */
@Component
class SyncCursors {

    /**
     * @param updatedAt the largest UPDATED_AT of the table when the last pass began, read as UTC;
     *     null if the table had no rows or does not maintain UPDATED_AT
     * @param lastFullPass when every open order of the table was last read
     * @param lastPass when the last pass (full or by cursor) ended
     */
    record Cursor(Instant updatedAt, Instant lastFullPass, Instant lastPass) {}

    private final JdbcClient jdbc;

    SyncCursors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Cursor> find(String connection, String table) {
        return jdbc.sql("""
                select updated_at_cursor, last_full_pass_at, updated_at from sync_cursors
                where connection = ? and table_name = ?
                """)
                .params(connection, table)
                .query((rs, rowNum) -> {
                    LocalDateTime cursor = rs.getObject(1, LocalDateTime.class);
                    OffsetDateTime full = rs.getObject(2, OffsetDateTime.class);
                    return new Cursor(
                            cursor == null ? null : cursor.toInstant(ZoneOffset.UTC),
                            full == null ? null : full.toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant());
                })
                .optional();
    }

    /**
     * Stores the cursor after a completed pass that began at {@code passStarted}; {@code fullPass}
     * null keeps the time of the last full pass.
     */
    void store(String connection, String table, Instant updatedAt, Instant fullPass, Instant passStarted, Instant now) {
        jdbc.sql("""
                insert into sync_cursors (connection, table_name, updated_at_cursor, last_full_pass_at, last_pass_at,
                                          updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (connection, table_name) do update set
                    updated_at_cursor = excluded.updated_at_cursor,
                    last_full_pass_at = coalesce(excluded.last_full_pass_at, sync_cursors.last_full_pass_at),
                    last_pass_at = excluded.last_pass_at,
                    updated_at = excluded.updated_at
                """)
                .params(
                        connection,
                        table,
                        updatedAt == null ? null : LocalDateTime.ofInstant(updatedAt, ZoneOffset.UTC),
                        fullPass == null ? null : fullPass.atOffset(ZoneOffset.UTC),
                        passStarted.atOffset(ZoneOffset.UTC),
                        now.atOffset(ZoneOffset.UTC))
                .update();
    }
}
