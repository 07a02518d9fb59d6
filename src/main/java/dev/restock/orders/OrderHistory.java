package dev.restock.orders;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The change log of stock orders in {@code stock_order_history}. Written in the transaction of
 * the change it records, so a change and its history row exist together or not at all.
 */
@Component
public class OrderHistory {

    /** One recorded change of one field. */
    public record Change(UUID orderId, Instant at, Actor actor, String field, String oldValue, String newValue) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public OrderHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(UUID orderId, Actor actor, String field, Object oldValue, Object newValue) {
        jdbc.sql("""
                insert into stock_order_history (order_id, at, actor_type, actor, field, old_value, new_value)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        orderId,
                        StockOrderRows.utc(clock.instant()),
                        actor.type().code(),
                        actor.name(),
                        field,
                        text(oldValue),
                        text(newValue))
                .update();
    }

    /** Every change of an order, oldest first. */
    public List<Change> of(UUID orderId) {
        return jdbc.sql("""
                select order_id, at, actor_type, actor, field, old_value, new_value
                from stock_order_history where order_id = ? order by at, id
                """).param(orderId).query(OrderHistory::change).list();
    }

    /**
     * The id of the order's latest history row, or 0: changes recorded after it are
     * {@link #since}. Call it holding the order's row lock, so no other writer interleaves.
     */
    long mark(UUID orderId) {
        return jdbc.sql("select coalesce(max(id), 0) from stock_order_history where order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    /** The order's changes recorded after {@code mark}, oldest first. */
    List<Change> since(UUID orderId, long mark) {
        return jdbc.sql("""
                select order_id, at, actor_type, actor, field, old_value, new_value
                from stock_order_history where order_id = ? and id > ? order by id
                """).params(orderId, mark).query(OrderHistory::change).list();
    }

    private static Change change(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Change(
                rs.getObject("order_id", UUID.class),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                new Actor(
                        Actor.Type.valueOf(rs.getString("actor_type").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("actor")),
                rs.getString("field"),
                rs.getString("old_value"),
                rs.getString("new_value"));
    }

    static String text(Object value) {
        // The same quantity reads the same whether it came from the user (1) or the database
        // (1.000000); toPlainString because 1E+1 would puzzle a user.
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value == null ? null : value.toString();
    }
}
