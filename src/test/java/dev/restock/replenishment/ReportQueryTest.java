package dev.restock.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.RestockException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportQueryTest {

    private final ReplenishmentRow early = row("EARLY", "LDN", "ACME", LocalDate.of(2024, 1, 2), "10", "order-now");
    private final ReplenishmentRow late = row("LATE", "LDN", "ZENITH", LocalDate.of(2024, 3, 1), "90", "order-soon");
    private final ReplenishmentRow never = row("NEVER", "PAR", null, null, "0", "overstock");

    @Test
    void sortsBySoonestReplenishmentDateWithLinesThatNeverSellOutLast() {
        List<ReplenishmentRow> sorted =
                ReportQuery.parse(null, null, null, null).apply(List.of(never, late, early));

        assertThat(sorted).extracting(ReplenishmentRow::sku).containsExactly("EARLY", "LATE", "NEVER");
    }

    @Test
    void sortsByLargestLostRevenue() {
        List<ReplenishmentRow> sorted =
                ReportQuery.parse(null, null, null, "lost-revenue").apply(List.of(early, never, late));

        assertThat(sorted).extracting(ReplenishmentRow::sku).containsExactly("LATE", "EARLY", "NEVER");
    }

    @Test
    void filtersByWarehouseVendorAndStatusIgnoringCase() {
        assertThat(ReportQuery.parse("ldn", null, null, null).apply(List.of(early, late, never)))
                .extracting(ReplenishmentRow::sku)
                .containsExactly("EARLY", "LATE");
        assertThat(ReportQuery.parse(null, "zenith", null, null).apply(List.of(early, late, never)))
                .extracting(ReplenishmentRow::sku)
                .containsExactly("LATE");
        assertThat(ReportQuery.parse(null, null, "overstock", null).apply(List.of(early, late, never)))
                .extracting(ReplenishmentRow::sku)
                .containsExactly("NEVER");
    }

    @Test
    void refusesAnUnknownSort() {
        assertThatThrownBy(() -> ReportQuery.parse(null, null, null, "price"))
                .isInstanceOf(RestockException.class)
                .hasMessageContaining("Unknown sort 'price'");
    }

    static ReplenishmentRow row(
            String sku, String warehouse, String vendor, LocalDate orderBy, String lostRevenue, String status) {
        return new ReplenishmentRow(
                sku,
                warehouse,
                BigDecimal.ONE,
                BigDecimal.ONE,
                orderBy,
                "recent-average",
                status,
                vendor,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                0,
                new BigDecimal(lostRevenue),
                1,
                "simple",
                1,
                vendor == null ? null : 1L,
                null,
                null);
    }
}
