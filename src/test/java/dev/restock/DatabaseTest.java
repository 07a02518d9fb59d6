package dev.restock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that need Restock's database: one embedded PostgreSQL per test run (the Spring
 * context is cached and shared by every subclass), emptied before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class DatabaseTest {

    /** One home per test JVM, so a run never touches a developer's ~/.restock. */
    public static final Path TEST_HOME = createTestHome();

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void restockHome(DynamicPropertyRegistry registry) {
        registry.add("restock.home", TEST_HOME::toString);
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.truncateAll(jdbc);
    }

    private static Path createTestHome() {
        try {
            return Files.createTempDirectory("restock-test-home-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
