package dev.restock.ingest.retail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import org.junit.jupiter.api.Test;

class DayOffsetsTest {

    @Test
    void givesTheZoneRulesOffsetForEveryQuarterHourAcrossClockChanges() {
        for (String zone : new String[] {"Europe/London", "America/Sao_Paulo", "Australia/Lord_Howe", "UTC"}) {
            ZoneRules rules = ZoneId.of(zone).getRules();
            DayOffsets offsets = new DayOffsets(rules);
            LocalDateTime time = LocalDateTime.parse("2010-01-01T00:00:00");

            while (time.getYear() < 2012) {
                assertThat(offsets.of(time)).as("%s in %s", time, zone).isEqualTo(rules.getOffset(time));
                time = time.plusMinutes(15);
            }
        }
    }

    @Test
    void takesTheEarlierOffsetInTheHourThatRepeats() {
        DayOffsets offsets = new DayOffsets(ZoneId.of("Europe/London").getRules());

        assertThat(offsets.of(LocalDateTime.parse("2011-10-30T01:30:00")).getId())
                .isEqualTo("+01:00");
        assertThat(offsets.of(LocalDateTime.parse("2011-10-30T02:30:00")).getId())
                .isEqualTo("Z");
    }
}
