package io.schemadiff.maven;

import io.schemadiff.config.ApplicationProperties;
import io.schemadiff.config.DatabaseUrls;
import io.schemadiff.config.QuarkusProperties;
import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import io.schemadiff.pipeline.PipelineSettings;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every goal shares: where the migrations are (the project's own Flyway settings, or the
 * plugin's parameters over them), the lock of released migrations, and skipping.
 */
public abstract class AbstractMigrationsMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "schema.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The Flyway migrations folder: replayed to build the reference schema, and where new migrations
     * go. When not set, the project's Flyway settings decide (see {@code locations}); with none,
     * {@code src/main/resources/db/migration} (Flyway's {@code classpath:db/migration}).
     */
    @Parameter(property = "schema.migrations")
    protected File migrations;

    /**
     * Flyway locations, in Flyway's syntax ({@code filesystem:sql/shared}, {@code classpath:db/migration},
     * {@code {vendor}} for {@code postgresql}), when the project's Flyway settings do not have them or
     * must be overridden. Otherwise read, in this order of precedence, from the flyway-maven-plugin's
     * configuration in the POM, {@code flyway.conf}, and Spring Boot's {@code spring.flyway.locations}.
     * New migrations go to the first one that is a folder of the project.
     */
    @Parameter(property = "schema.locations")
    protected List<String> locations;

    /**
     * Flyway placeholders ({@code ${name}} in migrations), over those of the project's Flyway
     * settings (flyway-maven-plugin, {@code flyway.conf}, {@code spring.flyway.placeholders.*}).
     */
    @Parameter
    protected Map<String, String> placeholders;

    /**
     * Spring Boot profiles whose {@code application-<profile>.properties/.yml} apply to naming and
     * Flyway settings, as {@code spring.profiles.active} would; empty: those the files activate. For a
     * Quarkus application, the profiles whose {@code %profile.} keys apply; empty: {@code prod}.
     */
    @Parameter(property = "schema.profile")
    protected List<String> profile;

    /**
     * The lock file of released migrations (written by {@code schema:lock}). When it exists, a released
     * migration that was edited or removed, or a new one numbered below a released one, fails the build.
     */
    @Parameter(property = "schema.lockFile", defaultValue = "${project.basedir}/src/main/resources/db/migration/schema.lock")
    protected File lockFile;

    /**
     * The database the migrations target: {@code postgresql} or {@code mariadb}. It decides Hibernate's
     * target, the reference server (an embedded one of the dialect, or the server at {@code url}), the
     * templates, and what {@code {vendor}} in a Flyway location stands for. Unset: the database the
     * project's own JDBC URL names (flyway-maven-plugin {@code <url>}, {@code flyway.url},
     * {@code spring.flyway.url}, {@code spring.datasource.url}, Quarkus's {@code quarkus.datasource.db-kind}
     * or {@code quarkus.datasource.jdbc.url}), else {@code postgresql}.
     */
    @Parameter(property = "schema.dialect")
    protected String dialect;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** @return {@code true}, having said so, when the goal is skipped */
    protected boolean skipped(String goal) {
        if (skip) {
            getLog().info("Skipping schema:" + goal + " (schema.skip=true)");
        }
        return skip;
    }

    /** Where the migrations are and how Flyway is configured: the settings every goal needs. */
    protected PipelineSettings migrationSettings() throws MojoExecutionException {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Map<String, String> flywayPlugin = FlywayPluginConfiguration.of(project);
        List<Path> confFiles = new ArrayList<>();
        String configured = flywayPlugin.remove("configFiles");
        if (configured != null) {
            for (String file : configured.split(",")) {
                if (!file.isBlank()) {
                    confFiles.add(base.resolve(file.trim()));
                }
            }
        }
        Path conventional = base.resolve("flyway.conf");
        if (Files.isRegularFile(conventional) && !confFiles.contains(conventional)) {
            confFiles.add(conventional);
        }
        PipelineSettings settings = new PipelineSettings()
                .baseDirectory(base)
                .migrationsDirectory(migrations == null ? null : migrations.toPath().toAbsolutePath())
                .locations(nonBlank(locations))
                .placeholders(placeholders == null ? Map.of() : new LinkedHashMap<>(placeholders))
                .flywayPluginConfiguration(flywayPlugin)
                .flywayConfFiles(confFiles)
                // Spring Boot's parent declares src/main/resources twice (filtered and not): one folder, once
                .resourceDirectories(project.getResources().stream()
                        .map(r -> base.resolve(r.getDirectory()).toAbsolutePath().normalize()).distinct().toList())
                .profiles(nonBlank(profile))
                .lockFile(lockFile == null ? null : lockFile.toPath());
        return settings.dialect(dialect(settings));
    }

    /** The dialect set, else the one the project's own JDBC URL names (said in the log), else PostgreSQL. */
    private Dialect dialect(PipelineSettings settings) throws MojoExecutionException {
        try {
            if (dialect != null && !dialect.isBlank()) {
                return Dialect.parse(dialect);
            }
            Optional<DatabaseUrls.Detected> detected = DatabaseUrls.detect(settings.flywayPluginConfiguration(),
                    settings.flywayConfFiles(), ApplicationProperties.load(settings.resourceDirectories(),
                            settings.profiles()), QuarkusProperties.load(settings.resourceDirectories(),
                            settings.profiles()));
            detected.filter(d -> d.dialect() != Dialect.POSTGRESQL).ifPresent(d -> getLog().info("Dialect: "
                    + d.dialect().id() + ", from " + d.source() + " (set <dialect> (schema.dialect) to choose)"));
            return detected.map(DatabaseUrls.Detected::dialect).orElse(Dialect.POSTGRESQL);
        } catch (IllegalArgumentException | SchemaException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    protected static List<String> nonBlank(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    }
}
