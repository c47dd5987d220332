package io.schemadiff.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/** What every goal shares: the migrations folder, the lock of released migrations, and skipping. */
public abstract class AbstractMigrationsMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "schema.skip", defaultValue = "false")
    protected boolean skip;

    /** The Flyway migrations folder: replayed to build the reference schema, and where new migrations go. */
    @Parameter(property = "schema.migrations", defaultValue = "${project.basedir}/src/main/resources/db/migration")
    protected File migrations;

    /**
     * The lock file of released migrations (written by {@code schema:lock}). When it exists, a released
     * migration that was edited or removed, or a new one numbered below a released one, fails the build.
     */
    @Parameter(property = "schema.lockFile", defaultValue = "${project.basedir}/src/main/resources/db/migration/schema.lock")
    protected File lockFile;

    /** @return {@code true}, having said so, when the goal is skipped */
    protected boolean skipped(String goal) {
        if (skip) {
            getLog().info("Skipping schema:" + goal + " (schema.skip=true)");
        }
        return skip;
    }
}
