package dev.restock.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * What happens when the JVM is told to stop (Ctrl-C, SIGTERM) while a command runs.
 *
 * <p>The JVM runs its shutdown hooks side by side and halts as soon as they are done, and a
 * {@code System.exit} from the main thread after that waits forever. So one hook does it all, in
 * order: it marks the process as stopping (the failure handler then reports the interruption);
 * silences the log, unless the command is {@code serve} (what the pool and the driver say about
 * connections closed under a command is a consequence, not news); closes the command's Spring
 * contexts, which lets a commit in flight finish and stops PostgreSQL (or leaves it to the
 * processes still using it); and waits a few seconds for the command to report the
 * interruption, reporting it itself when the command does not.
 *
 * <p>A stop that came while the command ran then ends the process with one exit code whatever
 * the signal was (the JVM's own would be 128 plus its number: 130 for Ctrl-C, 143 for
 * {@code kill}): {@value #INTERRUPTED} for an interruption, or the command's own code when it had
 * finished anyway (an import whose commit was under way and went through exits 0, its summary
 * printed). An ordinary exit, after the command finished, keeps the code it was given.
 *
 * <p>Thread-safe: all state is guarded by this object's monitor.
 */
final class CommandStop {

    /** How long the stop waits for the command to report after its contexts closed. */
    static final Duration REPORT_WAIT = Duration.ofSeconds(10);

    /** How long the stop waits for a context that is starting (PostgreSQL, migrations) to be up. */
    static final Duration START_WAIT = Duration.ofSeconds(90);

    /** The exit code of a command that a stop interrupted, as a shell reports one stopped by Ctrl-C. */
    static final int INTERRUPTED = 130;

    private static final String DEFAULT_DURING = "before the command finished";
    private static final String DEFAULT_OUTCOME = "What it had committed stays; the transaction it had open, if"
            + " any, was rolled back (an order left saving is settled by `restock orders recover`, or within a"
            + " minute by `restock serve`).";

    private static final CommandStop PROCESS = new CommandStop(REPORT_WAIT);

    private final Duration reportWait;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private int starting;
    private boolean stopping;
    private boolean finished;
    private int exitCode = INTERRUPTED;
    private boolean reported;
    private boolean contextsClosed;
    private boolean serving;
    private String during = DEFAULT_DURING;
    private String outcome = DEFAULT_OUTCOME;

    CommandStop(Duration reportWait) {
        this.reportWait = reportWait;
    }

    /** The stop of this process, which {@link Main} hooks to the JVM's shutdown. */
    static CommandStop process() {
        return PROCESS;
    }

    /**
     * Runs the stop when the JVM shuts down; {@code report} prints the interruption, {@code flush}
     * writes out what the command printed before the process ends.
     */
    void install(Runnable report, Runnable flush) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            boolean duringCommand = !isFinished();
                            if (markStopping()) {
                                silenceLogging();
                                stop(report);
                                if (duringCommand) {
                                    flush.run();
                                    Runtime.getRuntime().halt(exitCode());
                                }
                            }
                        },
                        "restock-stop"));
    }

    synchronized boolean stopping() {
        return stopping;
    }

    /**
     * What the command is doing, and what an interruption then leaves, for the report. Once the
     * stop has begun it is what the command was doing then that counts: later calls are ignored.
     */
    synchronized void during(String during, String outcome) {
        if (stopping) {
            return;
        }
        this.during = during;
        this.outcome = outcome;
    }

    /** The one line that reports the interruption, true to what the command was doing. */
    synchronized String message() {
        return "Interrupted: Restock was told to stop " + during + ". " + outcome;
    }

    /**
     * For {@code serve}: Spring's own shutdown closes the service gracefully, its log lines are
     * worth reading, and stopping is how it ends, not an interruption to report.
     */
    synchronized void serving() {
        serving = true;
    }

    /**
     * Starts a context that the stop closes. A stop that comes while it starts waits for it to be
     * up, then closes it; a context started after the stop began is closed at once.
     */
    <C extends ConfigurableApplicationContext> C start(Supplier<C> start) {
        synchronized (this) {
            starting++;
        }
        C context = null;
        boolean tooLate;
        try {
            context = start.get();
        } finally {
            synchronized (this) {
                starting--;
                tooLate = contextsClosed;
                if (context != null && !tooLate) {
                    contexts.add(context);
                    forgetWhenClosed(context);
                }
                notifyAll();
            }
        }
        if (tooLate) {
            context.close();
            throw new IllegalStateException("Restock is stopping; the context started too late is closed");
        }
        return context;
    }

    private void forgetWhenClosed(ConfigurableApplicationContext context) {
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                synchronized (this) {
                    contexts.remove(context);
                }
            }
        });
    }

    /** The command has returned with {@code exitCode} (and reported, when it failed). */
    synchronized void finished(int exitCode) {
        finished = true;
        this.exitCode = exitCode;
        notifyAll();
    }

    private synchronized boolean isFinished() {
        return finished;
    }

    /**
     * The exit code a stop ends the process with: the command's own when it finished, else
     * {@link #INTERRUPTED}, since the stop then reported the interruption itself.
     */
    synchronized int exitCode() {
        return exitCode;
    }

    /** True for the first reporter of the interruption only: it is printed once. */
    synchronized boolean claimReport() {
        if (reported) {
            return false;
        }
        reported = true;
        return true;
    }

    /**
     * The stop of a command: waits for a context starting, closes the contexts, and waits for
     * the command's report, printing {@code report} when the command has not reported in time.
     */
    void stop(Runnable report) {
        markStopping();
        awaitStarted();
        closeContexts();
        if (!awaitFinished() && claimReport()) {
            report.run();
        }
    }

    /** Marks the process as stopping; false for {@code serve}, whose stop is Spring's. */
    synchronized boolean markStopping() {
        stopping = true;
        return !serving;
    }

    private synchronized void awaitStarted() {
        awaitWhile(() -> starting > 0, START_WAIT);
    }

    private synchronized boolean awaitFinished() {
        return !awaitWhile(() -> !finished, reportWait);
    }

    /** Waits (holding the monitor) while the condition holds; true when it still does at the end. */
    private boolean awaitWhile(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return condition.getAsBoolean();
        }
    }

    private void closeContexts() {
        List<ConfigurableApplicationContext> open;
        synchronized (this) {
            open = List.copyOf(contexts);
            contexts.clear();
            contextsClosed = true;
        }
        open.reversed().forEach(ConfigurableApplicationContext::close);
    }

    private static void silenceLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.addTurboFilter(new TurboFilter() {
                @Override
                public FilterReply decide(
                        org.slf4j.Marker marker,
                        ch.qos.logback.classic.Logger logger,
                        ch.qos.logback.classic.Level level,
                        String format,
                        Object[] params,
                        Throwable t) {
                    return FilterReply.DENY;
                }
            });
        }
    }
}
