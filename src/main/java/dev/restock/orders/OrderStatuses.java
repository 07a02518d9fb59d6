package dev.restock.orders;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order statuses and their types. Besides the defaults (DRAFT, OPEN, PARTIALLY RECEIVED,
 * CLOSED, CANCELLED) a user can add statuses that the downstream systems use, each mapped to a
 * type, so that sync can apply them and planning knows whether the order counts as on order.
 */
@Component
public class OrderStatuses {

    /** A status and its type. */
    public record Status(String name, StatusType type) {}

    private final JdbcClient jdbc;

    public OrderStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every status, grouped by type in the order an order goes through them. */
    public List<Status> list() {
        return jdbc.sql("""
                select name, type from order_statuses
                order by array_position(array['draft', 'active', 'closed', 'cancelled'], type), name
                """)
                .query((rs, rowNum) -> new Status(rs.getString("name"), StatusType.fromCode(rs.getString("type"))))
                .list();
    }

    /**
     * Adds a status. Names are kept in upper case, as downstream systems write them and as sync
     * matches them (without regard to case), so two names differing only in case cannot exist.
     */
    public Status add(String name, StatusType type) {
        String upper = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        if (upper.isEmpty() || upper.length() > 64) {
            throw new StockOrderException(
                    "A status name needs 1 to 64 characters, not '" + name + "'. No status was added.");
        }
        int added = jdbc.sql("""
                insert into order_statuses (name, type)
                select ?, ? where not exists (select 1 from order_statuses where upper(name) = ?)
                """).params(upper, type.code(), upper).update();
        if (added == 0) {
            throw new StockOrderException("The order status '" + upper + "' exists already. No status was added.");
        }
        return new Status(upper, type);
    }
}
