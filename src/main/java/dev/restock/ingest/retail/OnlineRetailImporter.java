package dev.restock.ingest.retail;

import dev.restock.ingest.ImportSummary;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Imports the UCI Online Retail data set. */
@Component
public class OnlineRetailImporter {

    public ImportSummary importFile(Path file) {
        throw new UnsupportedOperationException("import online-retail is being built");
    }
}
