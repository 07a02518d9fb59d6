package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import dev.restock.RestockException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Filters and order of the report, shared by {@code restock plan} and the REST API.
 *
 * @param warehouse a warehouse code, or null for all
 * @param vendor a vendor code, or null for all
 * @param status a status, or null for all
 */
public record ReportQuery(String warehouse, String vendor, LineStatus status, Sort sort) {

    /** How lines are ordered; ties by SKU, then warehouse. */
    public enum Sort {
        /** Soonest replenishment date first; lines that never sell out last. */
        REPLENISHMENT_DATE,
        /** Largest forecast lost revenue first. */
        LOST_REVENUE;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Sort fromCode(String code) {
            for (Sort sort : values()) {
                if (sort.code().equalsIgnoreCase(code.trim())) {
                    return sort;
                }
            }
            throw new RestockException("Unknown sort '" + code + "'. Use one of: replenishment-date, lost-revenue.");
        }
    }

    public ReportQuery {
        requireNonNull(sort, "sort");
    }

    public static ReportQuery all() {
        return new ReportQuery(null, null, null, Sort.REPLENISHMENT_DATE);
    }

    /** From text as typed on the command line or in a URL; blank means no filter. */
    public static ReportQuery parse(String warehouse, String vendor, String status, String sort) {
        return new ReportQuery(
                blankToNull(warehouse),
                blankToNull(vendor),
                blankToNull(status) == null ? null : LineStatus.fromCode(status),
                blankToNull(sort) == null ? Sort.REPLENISHMENT_DATE : Sort.fromCode(sort));
    }

    public boolean matches(ReplenishmentRow row) {
        return (warehouse == null || warehouse.equalsIgnoreCase(row.warehouse()))
                && (vendor == null || vendor.equalsIgnoreCase(row.vendor()))
                && (status == null || status.code().equals(row.status()));
    }

    public List<ReplenishmentRow> apply(List<ReplenishmentRow> rows) {
        return rows.stream().filter(this::matches).sorted(comparator()).toList();
    }

    private Comparator<ReplenishmentRow> comparator() {
        Comparator<ReplenishmentRow> first = switch (sort) {
            case REPLENISHMENT_DATE ->
                Comparator.comparing(
                        ReplenishmentRow::replenishmentDate, Comparator.nullsLast(Comparator.naturalOrder()));
            case LOST_REVENUE -> Comparator.comparing(ReplenishmentRow::lostRevenue, Comparator.reverseOrder());
        };
        return first.thenComparing(ReplenishmentRow::sku).thenComparing(ReplenishmentRow::warehouse);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
