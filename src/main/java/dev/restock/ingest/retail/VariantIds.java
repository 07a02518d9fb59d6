package dev.restock.ingest.retail;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Variant ids for the SKUs of a file, known while its lines stream into the database: existing
 * variants keep theirs, new SKUs get ids reserved from the variants' own sequence. The import's
 * connection is busy with COPY meanwhile, so reservations use a second connection; a sequence is
 * not transactional, so ids reserved by an import that fails are merely skipped.
 *
 * <p>Not thread-safe; used by the reading thread.
 */
final class VariantIds {

    private static final int BLOCK = 512;

    private final Map<String, Long> ids = new HashMap<>();
    private final Map<String, Long> reservedForNew = new HashMap<>();
    private final Deque<Long> reserve = new ArrayDeque<>();
    private final DataSource dataSource;

    private VariantIds(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static VariantIds load(JdbcClient jdbc, DataSource dataSource) {
        VariantIds variantIds = new VariantIds(dataSource);
        jdbc.sql("select sku, id from variants").query(rs -> {
            variantIds.ids.put(rs.getString(1), rs.getLong(2));
        });
        return variantIds;
    }

    long idOf(String sku) throws SQLException {
        Long id = ids.get(sku);
        if (id == null) {
            id = next();
            ids.put(sku, id);
            reservedForNew.put(sku, id);
        }
        return id;
    }

    /** The id a SKU got in this import, whether it is new or not. */
    long get(String sku) {
        return ids.get(sku);
    }

    boolean isNew(String sku) {
        return reservedForNew.containsKey(sku);
    }

    Set<String> newSkus() {
        return reservedForNew.keySet();
    }

    private long next() throws SQLException {
        if (reserve.isEmpty()) {
            try (Connection connection = dataSource.getConnection();
                    var statement = connection.createStatement();
                    var result = statement.executeQuery("select nextval(pg_get_serial_sequence('variants', 'id'))"
                            + " from generate_series(1, " + BLOCK + ")")) {
                while (result.next()) {
                    reserve.add(result.getLong(1));
                }
            }
        }
        return reserve.removeFirst();
    }
}
