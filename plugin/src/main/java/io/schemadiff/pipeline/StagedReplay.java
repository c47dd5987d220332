package io.schemadiff.pipeline;

import io.schemadiff.core.Console;
import io.schemadiff.model.ModelJvm;
import io.schemadiff.reference.FlywayProject;
import io.schemadiff.reference.MigrationReplay;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;

/**
 * The replay that verifies a generated migration: the project's migrations and the staged one applied with
 * Flyway to a copy of the replayed database. In a fresh Maven JVM that is Flyway's first use (0.3-0.4 s of
 * class loading and cold code for one file); the kept model JVM that built this build's model has run
 * Flyway before, so it replays there, on the build's PostgreSQL server, with the same settings, Java
 * migrations and messages. Anything else (MariaDB, a JVM that cannot) replays in this JVM.
 */
final class StagedReplay {

    private final MigrationReplay replay;
    private final FlywayProject migrations;
    private final ModelJvm.Started modelJvm;
    private final List<Path> projectClasspath;

    /**
     * @param modelJvm         the model JVM of this build, or {@code null}
     * @param projectClasspath the project's classes and classpath, where Java migrations and classpath
     *                         locations are found
     */
    StagedReplay(MigrationReplay replay, FlywayProject migrations, ModelJvm.Started modelJvm,
                 List<Path> projectClasspath) {
        this.replay = replay;
        this.migrations = migrations;
        this.modelJvm = modelJvm;
        this.projectClasspath = List.copyOf(projectClasspath);
    }

    /**
     * Applies the project's migrations and those in {@code staging} to {@code database}.
     *
     * @throws io.schemadiff.core.SchemaException the replay failed (Flyway's words, as {@link MigrationReplay} says them)
     */
    void replay(DataSource database, Path staging, Console console) {
        if (modelJvm != null && modelJvm.builtByKeptJvm() && database instanceof PGSimpleDataSource postgres) {
            ModelJvm.Replay request = new ModelJvm.Replay(migrations.settings(), migrations.locations(),
                    migrations.folders().stream().map(Path::toString).toList(),
                    migrations.javaMigrations().stream().map(JavaMigration::getClass).map(Class::getName).toList(),
                    projectClasspath.stream().map(p -> p.toAbsolutePath().toString()).toList(),
                    postgres.getURL(), postgres.getUser(), postgres.getPassword(),
                    List.of(staging.toAbsolutePath().toString()));
            if (modelJvm.replay(request, console).isPresent()) {
                return;
            }
        }
        replay.replay(database, List.of(staging));
    }
}
