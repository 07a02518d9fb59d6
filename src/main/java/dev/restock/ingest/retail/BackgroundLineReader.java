package dev.restock.ingest.retail;

import dev.restock.ingest.ImportProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Reads a file with {@link RetailFileReader} on a thread of its own and hands its lines to the
 * calling thread in batches, in file order: parsing and checking a line (decoding, CSV, column
 * checks) overlaps with what the caller does with the previous ones (facts, COPY).
 *
 * <p>Nothing changes for the caller but the thread that parses: the sink still sees every line
 * in file order on the calling thread, and a bad line's error is thrown on the calling thread
 * after the lines before it were handed over, as the reader alone would. When the sink throws,
 * the reading thread is stopped and waited for before the error goes up.
 */
final class BackgroundLineReader {

    private static final int BATCH = 1024;
    private static final int BATCHES_AHEAD = 8;

    /** What the reading thread hands over: lines, the end (with the count), or its error. */
    private sealed interface Item {}

    private record Batch(List<RetailLine> lines) implements Item {}

    private record End(long count) implements Item {}

    private record Failure(Throwable error) implements Item {}

    private BackgroundLineReader() {}

    /** As {@link RetailFileReader#read}, with the parsing on a second thread. */
    static long read(Path file, ImportProgress progress, Consumer<RetailLine> sink) {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        Thread reader = Thread.ofPlatform()
                .name("restock-retail-reader")
                .daemon()
                .unstarted(() -> produce(file, progress, queue));
        reader.start();
        try {
            while (true) {
                Item item = queue.take();
                switch (item) {
                    case Batch batch -> batch.lines().forEach(sink);
                    case End end -> {
                        return end.count();
                    }
                    case Failure failure -> throw rethrown(failure.error());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file, e);
        } finally {
            stop(reader);
        }
    }

    private static void produce(Path file, ImportProgress progress, BlockingQueue<Item> queue) {
        var batcher = new Consumer<RetailLine>() {
            List<RetailLine> lines = new ArrayList<>(BATCH);

            @Override
            public void accept(RetailLine line) {
                lines.add(line);
                if (lines.size() == BATCH) {
                    hand(queue, new Batch(lines));
                    lines = new ArrayList<>(BATCH);
                }
            }
        };
        Item last;
        try {
            long count = RetailFileReader.read(file, progress, batcher);
            if (!batcher.lines.isEmpty()) {
                hand(queue, new Batch(batcher.lines));
            }
            last = new End(count);
        } catch (Stopped e) {
            return;
        } catch (Throwable e) {
            // The lines before the bad one go first, so the caller sees them as it would without this thread.
            if (!batcher.lines.isEmpty() && !handOrStop(queue, new Batch(batcher.lines))) {
                return;
            }
            last = new Failure(e);
        }
        handOrStop(queue, last);
    }

    /** Thrown inside the reading thread when the caller stopped listening. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static void hand(BlockingQueue<Item> queue, Item item) {
        if (!handOrStop(queue, item)) {
            throw new Stopped();
        }
    }

    private static boolean handOrStop(BlockingQueue<Item> queue, Item item) {
        try {
            queue.put(item);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // so that every later hand-over gives up at once
            return false;
        }
    }

    private static void stop(Thread reader) {
        reader.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException rethrown(Throwable error) {
        if (error instanceof RuntimeException runtime) {
            return runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new IllegalStateException(error);
    }
}
