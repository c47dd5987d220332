package io.schemadiff.config;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The database a project already names in its own configuration: a Spring Boot application on
 * MariaDB says so in {@code spring.datasource.url}, and should not have to say it again in
 * {@code schema.dialect}. Only the URL's vendor is read; the URL itself is never shown (it may hold
 * credentials).
 */
public final class DatabaseUrls {

    /** The dialect a URL names, and where the URL was found, e.g. {@code spring.datasource.url in application.yml line 3}. */
    public record Detected(Dialect dialect, String source) {
    }

    private DatabaseUrls() {
    }

    /**
     * Looks, in Flyway's order of precedence, at the flyway-maven-plugin's {@code <url>},
     * {@code flyway.url} in {@code flyway.conf} files, then Spring Boot's {@code spring.flyway.url} and
     * {@code spring.datasource.url}. URLs of other databases (H2 for tests, say) are passed over.
     *
     * @throws SchemaException for a {@code jdbc:mysql:} URL: MySQL is not supported, and the URL
     *                         alone does not tell a MariaDB server from a MySQL one
     */
    public static Optional<Detected> detect(Map<String, String> flywayPluginConfiguration, List<Path> flywayConfFiles,
                                            ApplicationProperties application) {
        Optional<Detected> found = vendor(flywayPluginConfiguration.get("url"),
                "<url> in the flyway-maven-plugin configuration");
        for (Path file : flywayConfFiles) {
            if (found.isEmpty() && Files.isRegularFile(file)) {
                found = fromFlywayConf(file);
            }
        }
        for (String key : List.of("spring.flyway.url", "spring.datasource.url")) {
            if (found.isEmpty()) {
                String where = key + application.origin(key).map(origin -> " in " + origin).orElse("");
                found = vendor(application.get(key).orElse(null), where);
            }
        }
        return found;
    }

    /**
     * {@link #detect(Map, List, ApplicationProperties)}, then a Quarkus application's
     * {@code quarkus.datasource.db-kind} and {@code quarkus.datasource.jdbc.url} ({@code %prod.} ones
     * first, as for a packaged application).
     */
    public static Optional<Detected> detect(Map<String, String> flywayPluginConfiguration, List<Path> flywayConfFiles,
                                            ApplicationProperties application, QuarkusProperties quarkus) {
        Optional<Detected> found = detect(flywayPluginConfiguration, flywayConfFiles, application);
        if (found.isEmpty()) {
            found = quarkus.value("quarkus.datasource.db-kind")
                    .flatMap(kind -> dbKind(kind.value(), kind.where()));
        }
        if (found.isEmpty()) {
            found = quarkus.value("quarkus.datasource.jdbc.url")
                    .flatMap(url -> vendor(url.value(), url.where()));
        }
        return found;
    }

    /** Quarkus's {@code db-kind} names (and their aliases) of the supported databases; others are passed over. */
    static Optional<Detected> dbKind(String kind, String source) {
        return switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "pgsql", "pg" -> Optional.of(new Detected(Dialect.POSTGRESQL, source));
            case "mariadb" -> Optional.of(new Detected(Dialect.MARIADB, source));
            case "mysql" -> vendor("jdbc:mysql:", source);
            default -> Optional.empty();
        };
    }

    private static Optional<Detected> fromFlywayConf(Path file) {
        for (PropertiesFile.Document document : PropertiesFile.read(file, StandardCharsets.UTF_8, false)) {
            for (PropertiesFile.Entry entry : document.entries()) {
                if (entry.key().equals("flyway.url")) {
                    Optional<Detected> found = vendor(entry.value(), "flyway.url in " + file + " line " + entry.line());
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The dialect of {@code jdbc:<vendor>:…} (Testcontainers' {@code jdbc:tc:<vendor>:…} too), if it is one. */
    static Optional<Detected> vendor(String url, String source) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String lower = url.trim().toLowerCase(Locale.ROOT).replaceFirst("^jdbc:tc:", "jdbc:");
        if (lower.startsWith("jdbc:postgresql:")) {
            return Optional.of(new Detected(Dialect.POSTGRESQL, source));
        }
        if (lower.startsWith("jdbc:mariadb:")) {
            return Optional.of(new Detected(Dialect.MARIADB, source));
        }
        if (lower.startsWith("jdbc:mysql:")) {
            throw new SchemaException(source + " names MySQL: the mysql dialect is not supported yet. If the "
                    + "server is MariaDB, set <dialect>mariadb</dialect> (schema.dialect=mariadb).");
        }
        return Optional.empty();
    }
}
