package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class CommandStopTest {

    private final AtomicInteger reports = new AtomicInteger();

    @Test
    void reportsTheInterruptionItselfWhenTheCommandHasNotReportedInTime() {
        CommandStop stop = new CommandStop(Duration.ZERO);

        stop.stop(reports::incrementAndGet);

        assertThat(reports).hasValue(1);
        assertThat(stop.claimReport())
                .as("the command's own report comes too late")
                .isFalse();
    }

    @Test
    void leavesTheReportToTheCommandWhenItHasReportedAndFinished() {
        CommandStop stop = new CommandStop(Duration.ofMinutes(10));
        stop.markStopping();
        assertThat(stop.claimReport()).isTrue();
        stop.finished(CommandStop.INTERRUPTED);

        stop.stop(reports::incrementAndGet);

        assertThat(reports).hasValue(0);
    }

    @Test
    void endsWithTheInterruptedCodeUnlessTheCommandFinishedWithItsOwn() {
        CommandStop interrupted = new CommandStop(Duration.ZERO);
        CommandStop committedAnyway = new CommandStop(Duration.ofMinutes(10));
        committedAnyway.markStopping();
        committedAnyway.finished(0);

        interrupted.stop(reports::incrementAndGet);
        committedAnyway.stop(reports::incrementAndGet);

        assertThat(interrupted.exitCode()).isEqualTo(130);
        assertThat(committedAnyway.exitCode()).isZero();
        assertThat(reports).as("only the interrupted command's stop reports").hasValue(1);
    }

    @Test
    void closesTheContextsItStartedBeforeWaitingForTheReport() {
        CommandStop stop = new CommandStop(Duration.ZERO);
        GenericApplicationContext context = stop.start(CommandStopTest::runningContext);

        stop.stop(reports::incrementAndGet);

        assertThat(context.isActive()).isFalse();
    }

    @Test
    void closesAContextThatFinishesStartingAfterTheStopClosedTheOthers() {
        CommandStop stop = new CommandStop(Duration.ZERO);
        stop.stop(reports::incrementAndGet);
        GenericApplicationContext late = runningContext();

        assertThatThrownBy(() -> stop.start(() -> late)).isInstanceOf(IllegalStateException.class);
        assertThat(late.isActive()).isFalse();
    }

    @Test
    void theReportSaysWhatTheCommandWasDoingAndWhatIsLeft() {
        CommandStop stop = new CommandStop(Duration.ZERO);

        String before = stop.message();
        stop.during("during step 2 of the demo (forecast and plan)", "The import of step 1 stays.");

        assertThat(before)
                .startsWith("Interrupted: Restock was told to stop before the command finished. What it had"
                        + " committed stays;");
        assertThat(stop.message())
                .isEqualTo("Interrupted: Restock was told to stop during step 2 of the demo (forecast and plan)."
                        + " The import of step 1 stays.");
    }

    @Test
    void theReportKeepsWhatTheCommandWasDoingWhenTheStopBegan() {
        CommandStop stop = new CommandStop(Duration.ZERO);
        stop.during("during step 1 of the demo (the import)", "The import was rolled back.");

        stop.markStopping();
        stop.during("during step 2 of the demo (forecast and plan)", "The import of step 1 stays.");

        assertThat(stop.message()).contains("during step 1 of the demo", "The import was rolled back.");
    }

    private static GenericApplicationContext runningContext() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();
        return context;
    }
}
