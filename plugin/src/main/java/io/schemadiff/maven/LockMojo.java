package io.schemadiff.maven;

import io.schemadiff.config.ApplicationProperties;
import io.schemadiff.core.SchemaException;
import io.schemadiff.pipeline.PipelineSettings;
import io.schemadiff.pipeline.ProjectMigrations;
import io.schemadiff.reference.FlywayProject;
import java.util.ArrayList;
import io.schemadiff.write.MigrationFolderCheck;
import io.schemadiff.write.MigrationLock;
import io.schemadiff.write.MigrationNaming;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Records the migrations now in the folder as released: their Flyway checksums go into the lock file,
 * and from then on {@code schema:diff} and {@code schema:generate} fail when one of them is edited or
 * removed, or when a new migration is numbered below them. Run it when you release:
 * {@code mvn schema:lock}, and commit the lock file.
 */
@Mojo(name = "lock", requiresProject = true, threadSafe = true)
public class LockMojo extends AbstractMigrationsMojo {

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped("lock")) {
            return;
        }
        try {
            PipelineSettings settings = migrationSettings();
            FlywayProject migrations = ProjectMigrations.resolve(settings, ApplicationProperties.load(
                    settings.applicationConfigurationFolders(), settings.profiles()), new ArrayList<>());
            Path folder = migrations.writableFolder();
            // what Flyway applies, named as the project names it: another vendor's files are not released here
            MigrationNaming naming = MigrationNaming.of(migrations.settings());
            // a folder with duplicate or misnamed files is not fit to be released as it is
            MigrationFolderCheck.enforce(MigrationFolderCheck.check(folder, Optional.empty(), naming,
                    Boolean.TRUE.equals(migrations.settings().outOfOrder()), null), getLog()::warn);
            Path written = MigrationLock.write(lockFile.toPath(), folder, naming);
            Path base = project.getBasedir().toPath().toAbsolutePath();
            Path shown = written.toAbsolutePath().startsWith(base) ? base.relativize(written.toAbsolutePath()) : written;
            getLog().info("Locked the released migrations in " + shown + ". Commit it.");
        } catch (SchemaException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
