package dev.restock.ingest;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long import: a progress bar on standard error when it is a terminal, nothing
 * otherwise (so logs and CI output stay clean). Not thread-safe; one thread steps it (an importer's reading thread).
 */
public final class ImportProgress implements AutoCloseable {

    private final ProgressBar bar;

    private ImportProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar counting {@code unit} up to {@code total} (-1 when unknown). */
    public static ImportProgress start(String task, long total, String unit) {
        if (!onTerminal()) {
            return new ImportProgress(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .build();
        return new ImportProgress(bar);
    }

    /**
     * True when a person watches: since Java 22, {@code System.console()} exists even when output
     * is redirected, so ask the console itself ({@code isTerminal}, looked up by name because the
     * code is compiled for Java 21, where a console existed only on a terminal).
     */
    public static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public static ImportProgress none() {
        return new ImportProgress(null);
    }

    public void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    public void step(String message) {
        if (bar != null) {
            bar.setExtraMessage(message);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
