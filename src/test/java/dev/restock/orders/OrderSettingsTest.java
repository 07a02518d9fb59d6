package dev.restock.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderSettingsTest {

    @Test
    void defaultsOpenASavedDraftAllowNoOverReceiptAndSendUpToAThousandLinesInAnEvent() {
        OrderSettings defaults = OrderSettings.defaults();

        assertThat(defaults.savedStatus()).isEqualTo("OPEN");
        assertThat(defaults.overReceiptTolerancePercent()).isEqualByComparingTo("0");
        assertThat(defaults.receivableLimit(new BigDecimal("10"))).isEqualByComparingTo("10");
        assertThat(defaults.eventLinesLimit()).isEqualTo(1_000);
    }

    @Test
    void aNegativeEventLinesLimitIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new OrderSettings(null, null, -1))
                .hasMessageContaining("restock.orders.event-lines-limit");
    }

    @Test
    void aToleranceIsAPercentOfTheOrderedQuantityKeptExact() {
        OrderSettings settings = new OrderSettings("OPEN", new BigDecimal("2.5"), null);

        assertThat(settings.receivableLimit(new BigDecimal("12.000001"))).isEqualByComparingTo("12.300001025");
    }

    @Test
    void aNegativeToleranceIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new OrderSettings(null, new BigDecimal("-1"), null))
                .hasMessageContaining("restock.orders.over-receipt-tolerance-percent");
    }
}
