package dev.restock.bench;

import dev.restock.RestockApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** What every benchmark needs: a throw-away Restock, timing with repeats, and peak heap. */
final class BenchSupport {

    private BenchSupport() {}

    /** A Restock context on a fresh home (its own embedded PostgreSQL). */
    static ConfigurableApplicationContext startRestock() throws IOException {
        Path home = Files.createTempDirectory("restock-bench-");
        return new SpringApplicationBuilder(RestockApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of("restock.home", home.toString(), "logging.level.dev.restock", "DEBUG"))
                .logStartupInfo(false)
                .run();
    }

    /** Runs {@code task} {@code runs} times after {@code setUp}, returns the median in seconds. */
    static double medianSeconds(int runs, Runnable setUp, Callable<?> task) throws Exception {
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            setUp.run();
            long start = System.nanoTime();
            task.call();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            System.out.printf("    run %d: %.3f s%n", i + 1, seconds[i]);
        }
        Arrays.sort(seconds);
        return seconds[runs / 2];
    }

    /** Runs {@code task} once; returns its time in seconds. */
    static double seconds(Callable<?> task) throws Exception {
        long start = System.nanoTime();
        task.call();
        return (System.nanoTime() - start) / 1e9;
    }

    static double median(double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * The machine's load average over 1, 5 and 15 minutes ({@code /proc/loadavg}), to print beside
     * a figure: a ratio measured on a crowded machine says less. "unknown" where there is none.
     */
    static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .trim()
                    .split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset, in MiB. */
    static long peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }
}
