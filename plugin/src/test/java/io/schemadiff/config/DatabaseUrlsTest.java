package io.schemadiff.config;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dialect a project names in its own JDBC URLs, so a Spring Boot app on MariaDB needs no schema.dialect. */
class DatabaseUrlsTest {

    @TempDir
    Path dir;

    @Test
    void aSpringBootDatasourceUrlNamesTheDialectAndWhereItWasSaid() throws Exception {
        Files.writeString(dir.resolve("application.yml"), """
                spring:
                  datasource:
                    url: jdbc:mariadb://db:3306/shop?user=app&password=secret
                """);
        Optional<DatabaseUrls.Detected> detected = DatabaseUrls.detect(Map.of(), List.of(),
                ApplicationProperties.load(List.of(dir), List.of()));
        assertEquals(Dialect.MARIADB, detected.orElseThrow().dialect());
        assertTrue(detected.get().source().startsWith("spring.datasource.url in "), detected.get().source());
        assertTrue(detected.get().source().endsWith("application.yml line 3"), detected.get().source());
        assertFalse(detected.get().source().contains("secret"), "the URL itself is never shown");
    }

    @Test
    void flywaysOwnUrlsComeFirstAndOtherDatabasesArePassedOver() throws Exception {
        Files.writeString(dir.resolve("application.properties"), "spring.datasource.url=jdbc:h2:mem:test\n"
                + "spring.flyway.url=jdbc:tc:mariadb:11.4:///shop\n");
        Path conf = Files.writeString(dir.resolve("flyway.conf"), "flyway.url=jdbc:postgresql://db/app\n");
        ApplicationProperties application = ApplicationProperties.load(List.of(dir), List.of());

        assertEquals(Dialect.MARIADB, DatabaseUrls.detect(Map.of(), List.of(), application).orElseThrow().dialect(),
                "Testcontainers' jdbc:tc: names its database too; H2 is passed over");
        DatabaseUrls.Detected fromConf = DatabaseUrls.detect(Map.of(), List.of(conf), application).orElseThrow();
        assertEquals(Dialect.POSTGRESQL, fromConf.dialect());
        assertEquals("flyway.url in " + conf + " line 1", fromConf.source());
        assertEquals(Dialect.MARIADB, DatabaseUrls.detect(Map.of("url", "jdbc:mariadb://db/app"), List.of(conf),
                application).orElseThrow().dialect(), "the flyway-maven-plugin's <url> wins");
        assertTrue(DatabaseUrls.detect(Map.of(), List.of(), ApplicationProperties.empty()).isEmpty());
    }

    @Test
    void aMySqlUrlIsRefusedNamingWhereItIsAndWhatToSet() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> DatabaseUrls.vendor("jdbc:mysql://db:3306/app", "spring.datasource.url in application.properties line 2"));
        assertTrue(e.getMessage().contains("spring.datasource.url in application.properties line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("schema.dialect=mariadb"), e.getMessage());
    }
}
