package io.schemadiff.pipeline;

import io.schemadiff.config.ApplicationProperties;
import io.schemadiff.config.FlywaySettings;
import io.schemadiff.config.QuarkusProperties;
import io.schemadiff.reference.FlywayProject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's migrations as its Flyway configuration describes them. Sources, highest precedence
 * first: the plugin's own parameters, the flyway-maven-plugin's configuration in the POM,
 * {@code flyway.conf}, Spring Boot's {@code spring.flyway.*} and Quarkus's {@code quarkus.flyway.*}.
 */
public final class ProjectMigrations {

    private ProjectMigrations() {
    }

    /** The merged Flyway settings, with the sources that set anything named in {@code sources}. */
    public static FlywaySettings settings(PipelineSettings settings, ApplicationProperties application,
                                          List<String> sources) {
        Path base = baseDirectory(settings);
        List<FlywaySettings> layers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> ownLocations = settings.migrationsDirectory() != null
                ? List.of("filesystem:" + settings.migrationsDirectory().toAbsolutePath())
                : settings.locations().isEmpty() ? null : settings.locations();
        FlywaySettings own = new FlywaySettings(ownLocations, settings.placeholders(), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        add(layers, names, own, "the plugin's parameters");
        add(layers, names, FlywaySettings.fromMap(settings.flywayPluginConfiguration(), base),
                "flyway-maven-plugin in the POM");
        for (Path conf : settings.flywayConfFiles()) {
            add(layers, names, FlywaySettings.fromFlywayConf(conf, base), base.relativize(conf.toAbsolutePath()).toString());
        }
        add(layers, names, FlywaySettings.fromSpringBoot(application), "spring.flyway in "
                + String.join(", ", application.files().stream().map(f -> f.getFileName().toString()).toList()));
        QuarkusProperties quarkus = QuarkusProperties.load(settings.applicationConfigurationFolders(),
                settings.profiles());
        add(layers, names, FlywaySettings.fromQuarkus(quarkus, base), "quarkus.flyway in "
                + String.join(", ", quarkus.files().stream().map(f -> f.getFileName().toString()).toList())
                + " (profile " + String.join(", ", quarkus.profiles()) + ")");
        sources.addAll(names);
        return FlywaySettings.merge(layers.toArray(FlywaySettings[]::new));
    }

    /** The migrations to replay and where a new one goes. */
    public static FlywayProject resolve(PipelineSettings settings, ApplicationProperties application,
                                        List<String> sources) {
        // no location set anywhere: Flyway's classpath:db/migration, read from src/main/resources when it is there
        FlywaySettings flyway = settings(settings, application, sources);
        return FlywayProject.resolve(flyway, baseDirectory(settings), resourceRoots(settings),
                settings.classesDirectory(), settings.projectClassLoader(), settings.dialect().id());
    }

    private static void add(List<FlywaySettings> layers, List<String> names, FlywaySettings layer, String name) {
        if (!layer.isEmpty()) {
            layers.add(layer);
            names.add(name);
        }
    }

    private static List<Path> resourceRoots(PipelineSettings settings) {
        if (!settings.resourceDirectories().isEmpty()) {
            return settings.resourceDirectories();
        }
        return List.of(baseDirectory(settings).resolve("src/main/resources"));
    }

    private static Path baseDirectory(PipelineSettings settings) {
        if (settings.baseDirectory() != null) {
            return settings.baseDirectory();
        }
        // tests and tools that name only the folder: relative paths resolve where they would for Flyway
        return Path.of("").toAbsolutePath();
    }
}
