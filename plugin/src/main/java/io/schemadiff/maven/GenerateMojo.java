package io.schemadiff.maven;

import io.schemadiff.cache.Verdict;
import io.schemadiff.pipeline.ChangeReport;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.pipeline.PipelineSettings;
import io.schemadiff.pipeline.SchemaPipeline;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.nio.file.Path;
import java.util.List;

/**
 * Compares the entity model with the schema the existing Flyway migrations build and, when they
 * differ, writes the next migration ({@code V<next>__<description>.sql}) into the migrations
 * folder. From the command line: {@code mvn compile schema:generate}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class GenerateMojo extends AbstractSchemaMojo {

    @Override
    protected String goal() {
        return "generate";
    }

    /** Only an in-sync verdict is reused: when something is missing, the migration must be written. */
    @Override
    protected boolean reuse(Verdict verdict) {
        if (!verdict.inSync()) {
            return false;
        }
        storedVerdicts.sayReused();
        verdict.warnings().forEach(getLog()::warn);
        getLog().info(upToDate(verdict.entities()));
        return true;
    }

    private static String upToDate(int entities) {
        return "Schema is up to date: the migrations already build what the " + entities
                + " entities map to. No migration written.";
    }

    @Override
    protected void run(SchemaPipeline pipeline, PipelineSettings settings) {
        SchemaPipeline.Generation generation = pipeline.generate();
        logUnmanaged(generation.comparison());
        if (generation.written().isEmpty()) {
            getLog().info(upToDate(generation.comparison().discovered().entities().size()));
            return;
        }
        Path base = project.getBasedir().toPath().toAbsolutePath();
        List<String> written = generation.files().stream()
                .map(f -> f.startsWith(base) ? base.relativize(f).toString() : f.toString()).toList();
        getLog().info("Wrote " + String.join(", ", written) + " (" + ChangeReport.summary(generation.comparison()) + "):");
        ChangeReport.lines(generation.comparison()).forEach(line -> getLog().info("  " + line));
        Comparison comparison = generation.comparison();
        if (comparison.undoFolder() != null && !comparison.undoFolder().equals(comparison.migrationsFolder())) {
            getLog().info("The undo script is in " + (comparison.undoFolder().startsWith(base)
                    ? base.relativize(comparison.undoFolder()) : comparison.undoFolder())
                    + ", outside Flyway's locations: Flyway Community does not run undo scripts (and refuses to "
                    + "migrate beside one when validateMigrationNaming is on). Run it by hand to step back.");
        }
        getLog().info("Review it, then commit it with the entity change.");
    }
}
