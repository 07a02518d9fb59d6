package dev.restock.orders;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies the order fields of the rows read back from a connection: status, external id and
 * expected date. They repeat on every row; rows that disagree are reported, not applied. Runs
 * inside the transaction of {@link OrderSyncWriter}.
 */
final class DownstreamHeader {

    private final JdbcClient jdbc;
    private final OrderHistory history;

    DownstreamHeader(JdbcClient jdbc, OrderHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** Applies what differs and returns how many fields changed; problems go to {@code problems}. */
    int apply(StockOrder order, DownstreamOrder downstream, Actor actor, List<String> problems) {
        int changed = 0;
        Optional<String> statusName = agreed(downstream, DownstreamRow::status, "STATUS", problems);
        if (statusName.isPresent()) {
            Optional<String> known = knownStatus(statusName.get());
            if (known.isEmpty()) {
                problems.add("status '" + statusName.get() + "' is not a known order status and was not applied;"
                        + " add it to the order statuses with its type");
            }
            changed += set(order, actor, "status", order.status(), known.orElse(null));
        }
        changed += set(
                order,
                actor,
                "external_id",
                order.externalId(),
                agreed(downstream, DownstreamRow::externalId, "EXTERNAL_ID", problems)
                        .orElse(null));
        LocalDate expected = agreed(downstream, DownstreamRow::expectedDate, "EXPECTED_DATE", problems)
                .orElse(null);
        changed += set(order, actor, "expected_date", order.expectedDate(), expected);
        return changed;
    }

    private static <T> Optional<T> agreed(
            DownstreamOrder downstream, Function<DownstreamRow, T> field, String column, List<String> problems) {
        List<T> values = downstream.agreed(field);
        if (values.size() > 1) {
            problems.add("its rows disagree on " + column + " ("
                    + values.stream().map(value -> "'" + value + "'").collect(Collectors.joining(", "))
                    + "); none was applied");
            return Optional.empty();
        }
        return values.stream().findFirst();
    }

    /** Status names match without regard to case; the name Restock stores is its own spelling. */
    private Optional<String> knownStatus(String name) {
        return jdbc.sql("select name from order_statuses where upper(name) = upper(?)")
                .param(name)
                .query(String.class)
                .optional();
    }

    /** Sets one column of the order when the downstream value is present and differs; {@code column} is ours. */
    private int set(StockOrder order, Actor actor, String column, Object current, Object downstream) {
        if (downstream == null || DownstreamLines.same(current, downstream)) {
            return 0;
        }
        jdbc.sql("update stock_orders set " + column + " = ? where id = ?")
                .params(downstream, order.id())
                .update();
        history.record(order.id(), actor, column, current, downstream);
        return 1;
    }
}
