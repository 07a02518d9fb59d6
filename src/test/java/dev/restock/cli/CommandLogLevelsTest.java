package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CommandLogLevelsTest extends DatabaseTest {

    @Test
    void aCommandShowsNothingOfTheSnowflakeDriversLog() {
        // The user test's `connections test` printed the driver's "ERROR n.s.c.j.RestRequest ...
        // Stop retrying since elapsed time due to network issues has reached timeout" first.
        try (var context = RestockRuntime.startForCommand(TEST_HOME)) {
            var driver = LoggerFactory.getLogger("net.snowflake.client.jdbc.RestRequest");
            var restock = LoggerFactory.getLogger("dev.restock.connections.ConnectionOpener");

            assertThat(driver.isErrorEnabled()).isFalse();
            assertThat(restock.isWarnEnabled()).isTrue();
        }
    }
}
