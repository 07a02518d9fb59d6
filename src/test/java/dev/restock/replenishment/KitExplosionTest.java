package dev.restock.replenishment;

import static dev.restock.replenishment.ReplenishmentInputs.decimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KitExplosionTest {

    private static final long A = 1;
    private static final long B = 2;
    private static final long C = 3;

    /** Kit A = 1 B + 1 C, and B = 1 C. */
    private static final KitExplosion NESTED = new KitExplosion(List.of(
            new ComponentLine(A, B, BigDecimal.ONE),
            new ComponentLine(A, C, BigDecimal.ONE),
            new ComponentLine(B, C, BigDecimal.ONE)));

    @Test
    void buildsFiveNestedKitsFromTenOfTheSharedComponent() {
        long buildable = NESTED.buildable(A, Map.of(C, decimal("10")));

        assertThat(buildable).isEqualTo(5);
    }

    @Test
    void usesStockOfAnIntermediateAssemblyBeforeBuildingIt() {
        // 4 B in stock: 4 A need only 4 C; the fifth and sixth A need 2 C each: 8 C make 6 A.
        long buildable = NESTED.buildable(A, Map.of(B, decimal("4"), C, decimal("8")));

        assertThat(buildable).isEqualTo(6);
    }

    @Test
    void countsEachLevelOfANestedKitOnce() {
        Map<Long, BigDecimal> required = NESTED.requirements(A, decimal("3"));

        assertThat(required.get(B)).isEqualByComparingTo("3");
        assertThat(required.get(C)).isEqualByComparingTo("6");
    }

    @Test
    void keepsFractionalComponentsExact() {
        // A gift box holds 0.125 litre of oil (variant 9) and one bottle (variant 8).
        KitExplosion giftBox = new KitExplosion(
                List.of(new ComponentLine(7, 9, decimal("0.125")), new ComponentLine(7, 8, BigDecimal.ONE)));

        Map<Long, BigDecimal> required = giftBox.requirements(7, decimal("37"));
        long buildable = giftBox.buildable(7, Map.of(9L, decimal("1"), 8L, decimal("100")));

        assertThat(required.get(9L)).isEqualTo(decimal("4.625"));
        assertThat(buildable).isEqualTo(8);
    }

    @Test
    void buildsNothingOfAVariantWithoutComponents() {
        assertThat(NESTED.buildable(C, Map.of(C, decimal("10")))).isZero();
    }

    @Test
    void rejectsBillsOfMaterialsWithACycle() {
        List<ComponentLine> cycle =
                List.of(new ComponentLine(A, B, BigDecimal.ONE), new ComponentLine(B, A, BigDecimal.ONE));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KitExplosion(cycle))
                .withMessageContaining("cycle");
    }
}
