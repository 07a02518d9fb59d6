package dev.restock.ingest.entities;

import dev.restock.ingest.ImportSummary;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Imports a folder of entity CSV files; see docs/entity-files.md. */
@Component
public class EntityImporter {

    public ImportSummary importFolder(Path folder) {
        throw new UnsupportedOperationException("import entities is being built");
    }
}
