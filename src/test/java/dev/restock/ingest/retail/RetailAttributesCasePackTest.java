package dev.restock.ingest.retail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetailAttributesCasePackTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', textBlock = """
            # the pack that divides most of the units wins even when one line breaks it
            12 24 36 12 6;      12
            # odd quantities: no pack but 1
            3 5 7 1 9;          1
            # single-unit retail lines do not hide a case the bulk of the units moved in
            12 12 12 12 1 1 1;  12
            # ...unless the singles are more than a fifth of the units
            1 1 1 1 12;         1
            # exactly 80% of the units is enough: 20 of 25
            4 4 4 4 4 5;        4
            # just under 80% is not: 20 of 26, but 2 divides all 26
            4 4 4 4 4 6;        2
            # the largest qualifying candidate, not the most common quantity
            100 100 50 50 100;  50
            25 50 75 100 25;    25
            144 288 144 144 144; 144
            # fewer than five sale lines is too little evidence
            12 24 12 12;        1
            # returns and zero quantities are not sales
            12 12 12 12 12 -7 0; 12
            """)
    void infersTheLargestCandidateDividingEightyPercentOfUnits(String quantities, int expected) {
        List<Long> parsed = Arrays.stream(quantities.trim().split("\\s+"))
                .map(Long::valueOf)
                .toList();

        assertThat(CasePack.infer(parsed)).isEqualTo(expected);
    }
}
