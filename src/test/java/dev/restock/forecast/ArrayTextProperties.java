package dev.restock.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ArrayTextProperties {

    @Property
    void readsEveryDecimalAsTheNearestDoubleExactlyAsParseDoubleDoes(
            @ForAll @Size(max = 20) List<@BigRange(min = "-1e12", max = "1e12") @Scale(12) BigDecimal> decimals) {
        String text = decimals.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(",", "{", "}"));

        double[] values = ArrayText.doubles(text);

        assertThat(values).hasSize(decimals.size());
        for (int index = 0; index < values.length; index++) {
            assertThat(values[index])
                    .isEqualTo(Double.parseDouble(decimals.get(index).toPlainString()));
        }
    }

    @Test
    void readsWholeNumbersAndNumericColumnsAsPostgreSqlPrintsThem() {
        assertThat(ArrayText.longs("{19723,-3,0}")).containsExactly(19723, -3, 0);
        assertThat(ArrayText.longs("{}")).isEmpty();
        assertThat(ArrayText.doubles("{5.000000,0.125000,9.333333,0.1}")).containsExactly(5, 0.125, 9.333333, 0.1);
    }

    @Test
    void textThatIsNotAnArraySaysWhatItWas() {
        assertThatThrownBy(() -> ArrayText.doubles("5.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'5.0'");
    }
}
