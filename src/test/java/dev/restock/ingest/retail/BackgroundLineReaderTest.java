package dev.restock.ingest.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.ingest.ImportException;
import dev.restock.ingest.ImportProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines parsed on a second thread reach the caller as the reader alone would hand them. */
class BackgroundLineReaderTest {

    @TempDir
    Path folder;

    @Test
    void handsEveryLineOverInFileOrderOnTheCallingThread() throws IOException {
        Path file = write(5_000, -1);
        List<Long> lines = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();

        long count = BackgroundLineReader.read(file, ImportProgress.none(), line -> {
            lines.add(line.line());
            threads.add(Thread.currentThread());
        });

        assertThat(count).isEqualTo(5_000);
        assertThat(lines).hasSize(5_000).isSorted().startsWith(2L).endsWith(5_001L);
        assertThat(threads).containsOnly(Thread.currentThread());
    }

    @Test
    void throwsABadLinesErrorAfterTheLinesBeforeIt() throws IOException {
        Path file = write(5_000, 3_000);
        List<Long> lines = new ArrayList<>();

        assertThatThrownBy(() -> BackgroundLineReader.read(file, ImportProgress.none(), line -> lines.add(line.line())))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("line 3001")
                .hasMessageContaining("'six' is not a number");
        assertThat(lines).hasSize(2_999).endsWith(3_000L);
        assertNoReaderThreadLeft();
    }

    @Test
    void stopsTheReadingThreadWhenTheCallerFails() throws IOException {
        Path file = write(50_000, -1);
        List<Long> lines = new ArrayList<>();

        assertThatThrownBy(() -> BackgroundLineReader.read(file, ImportProgress.none(), line -> {
                    if (line.line() == 100) {
                        throw new IllegalStateException("copy failed");
                    }
                    lines.add(line.line());
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("copy failed");
        assertThat(lines).hasSize(98);
        assertNoReaderThreadLeft();
    }

    private static void assertNoReaderThreadLeft() {
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("restock-retail-reader"));
    }

    /** {@code lines} data lines; the one at {@code bad} (1-based data line) has a bad quantity. */
    private Path write(int lines, int bad) throws IOException {
        StringBuilder text = new StringBuilder(OnlineRetailBadInputTest.HEADER);
        for (int i = 1; i <= lines; i++) {
            text.append(5_000_00 + i / 4)
                    .append(",85123A,WHITE HANGING HEART,")
                    .append(i == bad ? "six" : "6")
                    .append(",2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n");
        }
        Path file = folder.resolve("lines.csv");
        Files.writeString(file, text);
        return file;
    }
}
