package dev.restock.ingest;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long import: a progress bar on standard error when it is a terminal, nothing
 * otherwise (so logs and CI output stay clean). Not thread-safe; one reader thread steps it.
 */
public final class ImportProgress implements AutoCloseable {

    private final ProgressBar bar;

    private ImportProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar counting {@code unit} up to {@code total} (-1 when unknown). */
    public static ImportProgress start(String task, long total, String unit) {
        if (System.console() == null) {
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
