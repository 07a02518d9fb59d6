package dev.restock.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.RestockException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTextCheckTest {

    record Line(String sku, Integer quantity) {}

    record Request(String type, List<Line> lines, Map<String, String> properties) {}

    @Test
    void namesTheFieldOfAControlCharacterInsideListsAndMaps() {
        var inList = new Request("po", List.of(new Line("MUG-1", 1), new Line("22318\u0000", 1)), Map.of());
        var inMap = new Request("po", List.of(), Map.of("warehouse", "X\tY"));

        assertThatThrownBy(() -> RequestTextCheck.check(inList, ""))
                .isInstanceOf(RestockException.class)
                .hasMessageStartingWith("The request's 'lines[1].sku' holds a control character (U+0000)");
        assertThatThrownBy(() -> RequestTextCheck.check(inMap, ""))
                .hasMessageStartingWith("The request's 'properties.warehouse' holds a control character (U+0009)");
        assertThatThrownBy(() -> RequestTextCheck.check("a\u007Fb", ""))
                .hasMessageStartingWith("The request's 'body' holds a control character (U+007F)");
    }

    @Test
    void acceptsTextBeyondTheBasicPlaneButNotHalfOfIt() {
        // U+1D800's low 16 bits are those of a surrogate; the pair 😀 is one code point.
        var paired = new Request("\uD836\uDC00 \uD83D\uDE00 Café", null, null);

        assertThatCode(() -> RequestTextCheck.check(paired, "")).doesNotThrowAnyException();
        assertThatThrownBy(() -> RequestTextCheck.check(new Line("\uD83D", 1), ""))
                .hasMessageStartingWith("The request's 'sku' holds an unpaired surrogate (U+D83D)");
    }
}
