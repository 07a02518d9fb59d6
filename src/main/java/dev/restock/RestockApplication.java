package dev.restock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application behind every command; started by {@code dev.restock.cli.Main}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RestockApplication {}
