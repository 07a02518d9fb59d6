package dev.restock.cli;

/** How a command prints its result. */
enum OutputFormat {
    TABLE,
    JSON
}
