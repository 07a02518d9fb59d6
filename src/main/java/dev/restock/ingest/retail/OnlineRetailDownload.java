package dev.restock.ingest.retail;

import dev.restock.RestockException;
import dev.restock.ingest.ImportProgress;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Fetches the public original of the Online Retail data set from the UCI repository. */
public final class OnlineRetailDownload {

    public static final URI ORIGINAL = URI.create("https://archive.ics.uci.edu/static/public/352/online+retail.zip");
    public static final String FILE_NAME = "online+retail.zip";

    private OnlineRetailDownload() {}

    /**
     * Downloads the zip into {@code folder} (written under a temporary name and moved into place
     * when complete, so an interrupted download is never mistaken for the data set).
     */
    public static Path download(Path folder) {
        return download(ORIGINAL, folder);
    }

    static Path download(URI source, Path folder) {
        Path target = folder.resolve(FILE_NAME);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        try {
            Files.createDirectories(folder);
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(source)
                            .timeout(Duration.ofMinutes(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw offline(source, folder, "the server answered HTTP " + response.statusCode());
            }
            long size = response.headers().firstValueAsLong("content-length").orElse(-1);
            Path partial = folder.resolve(FILE_NAME + ".part");
            try (InputStream body = progress(response.body(), size)) {
                Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw offline(source, folder, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw offline(source, folder, "interrupted");
        }
    }

    private static InputStream progress(InputStream body, long size) {
        if (!ImportProgress.onTerminal()) {
            return body;
        }
        return ProgressBar.wrap(
                body,
                new ProgressBarBuilder()
                        .setTaskName("Downloading")
                        .setInitialMax(size)
                        .setUnit(" MB", 1 << 20)
                        .setStyle(ProgressBarStyle.ASCII));
    }

    /** The innermost cause says what really failed ("Connection refused", an unknown host). */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }

    private static RestockException offline(URI source, Path folder, String why) {
        return new RestockException("Could not download the Online Retail data set from " + source + " (" + why
                + "). Download it on a machine with Internet access and put it at " + folder.resolve(FILE_NAME)
                + " (the zip as downloaded, or the 'Online Retail.xlsx' inside it), or pass --sales FILE with a copy"
                + " of the data set (.csv, .csv.gz, .xlsx or .zip).");
    }
}
