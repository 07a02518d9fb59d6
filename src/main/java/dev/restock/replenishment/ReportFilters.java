package dev.restock.replenishment;

import dev.restock.NotFoundException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks that the warehouse and vendor a {@link ReportQuery} names exist, so that a typo gets an
 * error naming the codes there are, not an empty report that looks like "nothing to order".
 */
@Component
public class ReportFilters {

    private final JdbcClient jdbc;

    ReportFilters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws NotFoundException when the query names a warehouse or vendor that does not exist */
    public ReportQuery checked(ReportQuery query) {
        requireCode("warehouse", "warehouses", query.warehouse());
        requireCode("vendor", "vendors", query.vendor());
        return query;
    }

    private void requireCode(String what, String table, String code) {
        if (code == null) {
            return;
        }
        List<String> codes = jdbc.sql("select code from " + table + " order by code")
                .query(String.class)
                .list();
        if (codes.stream().noneMatch(code::equalsIgnoreCase)) {
            throw new NotFoundException("There is no " + what + " '" + code + "'. "
                    + (codes.isEmpty()
                            ? "There are no " + table + " yet: import a catalog first."
                            : "The " + table + " are: " + String.join(", ", codes) + "."));
        }
    }
}
