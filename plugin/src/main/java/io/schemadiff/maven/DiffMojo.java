package io.schemadiff.maven;

import io.schemadiff.cache.Verdict;
import io.schemadiff.pipeline.ChangeReport;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.pipeline.DestructiveChangesException;
import io.schemadiff.pipeline.PipelineSettings;
import io.schemadiff.pipeline.SchemaPipeline;
import io.schemadiff.reference.MigrationStatus;
import io.schemadiff.report.JUnitReport;
import io.schemadiff.report.ReportWriter;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the entity model with the schema the existing Flyway migrations build, and fails the
 * build when a migration is missing. Writes nothing into the migrations folder; the SQL that
 * {@code schema:generate} would write goes to {@code target/schema/pending.sql}, and the reports
 * {@code diff.json}, {@code diff.md} and {@code TEST-schema-diff.xml} go beside it.
 */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class DiffMojo extends AbstractSchemaMojo {

    /** The file, under the report directory, that holds the SQL of the missing migration. */
    static final String PENDING_SQL = "pending.sql";

    /**
     * Fail the build when the model and the migrations differ. Set to {@code false} to report only.
     */
    @Parameter(property = "schema.failOnDifference", defaultValue = "true")
    protected boolean failOnDifference;

    @Override
    protected String goal() {
        return "diff";
    }

    @Override
    protected void run(SchemaPipeline pipeline, PipelineSettings settings)
            throws MojoExecutionException, MojoFailureException {
        Comparison comparison = pipeline.compare();
        Path pending = reportDirectory.toPath().resolve(PENDING_SQL);
        if (comparison.live()) {
            logUnmanaged(comparison);
            List<Path> reports = new ReportWriter(reportDirectory.toPath(), settings.generator()).write(comparison);
            getLog().debug("Reports: " + reports);
            reportLive(comparison, pending);
            return;
        }
        logTimings(comparison.timings());
        Verdict verdict = verdict(comparison, settings, pending);
        if (storedVerdicts != null) {
            storedVerdicts.store(verdict);
        }
        report(verdict);
    }

    @Override
    protected boolean reuse(Verdict verdict) throws MojoExecutionException, MojoFailureException {
        storedVerdicts.sayReused();
        verdict.warnings().forEach(getLog()::warn);
        try {
            storedVerdicts.restoreFiles(verdict);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot restore the reports in " + reportDirectory + ": " + e.getMessage(), e);
        }
        if (verdict.inSync()) {
            deleteStale(reportDirectory.toPath().resolve(PENDING_SQL));
        }
        report(verdict);
        return true;
    }

    /** Writes the reports (and the missing migration's SQL) and says what the comparison found. */
    private Verdict verdict(Comparison comparison, PipelineSettings settings, Path pending)
            throws MojoExecutionException {
        List<Path> reports = new ReportWriter(reportDirectory.toPath(), settings.generator()).write(comparison);
        getLog().debug("Reports: " + reports);
        List<Verdict.Line> lines = new ArrayList<>();
        unmanaged(comparison).ifPresent(line -> lines.add(new Verdict.Line(false, line)));
        Map<String, String> files = new LinkedHashMap<>();
        for (Path report : reports) {
            files.put(report.getFileName().toString(), read(report));
        }
        int entities = comparison.discovered().entities().size();
        List<String> warnings = console.warnings();
        if (comparison.inSync()) {
            deleteStale(pending);
            lines.add(new Verdict.Line(false, "Schema is in sync: the " + comparison.migrationsReplayed()
                    + " migration(s) in " + project.getBasedir().toPath().toAbsolutePath().relativize(comparison.migrationsFolder())
                    + " build exactly what the " + entities + " entities map to."));
            return new Verdict(true, entities, warnings, lines, null, null, files);
        }
        String sql = comparison.migrationSql() + (comparison.followUp() == null ? ""
                : "\n-- then, as a migration of its own:\n\n" + comparison.followUp().sql());
        writePending(pending, sql);
        files.put(PENDING_SQL, sql);
        StringBuilder message = new StringBuilder("The entity model has changes that no migration covers ("
                + ChangeReport.summary(comparison) + "):\n");
        ChangeReport.lines(comparison).forEach(line -> message.append("  ").append(line).append('\n'));
        if (comparison.dataProblem() != null) {
            message.append("The missing migration needs a decision first: ").append(comparison.dataProblem()).append('\n');
        }
        message.append("Run '").append(CommandLine.next("mvn compile schema:generate", session.getUserProperties()))
                .append("' to write ").append(comparison.migrationFileName())
                .append(comparison.followUp() == null ? "" : " and " + comparison.followUp().fileName())
                .append(" (its SQL is in ").append(shown(pending)).append(").\n")
                .append("Reports for review and CI: ").append(shown(reportDirectory.toPath().resolve(ReportWriter.MARKDOWN)))
                .append(", ").append(ReportWriter.JSON).append(", ").append(JUnitReport.FILE_NAME).append(" beside it.");
        String destructive = settings.destructive() == PipelineSettings.Policy.FAIL && !comparison.destructive().isEmpty()
                ? new DestructiveChangesException("The missing migration", comparison.destructive()).getMessage() : null;
        return new Verdict(false, entities, warnings, lines, message.toString(), destructive, files);
    }

    /** Prints a verdict, fresh or stored, the same way, and fails the build as it says. */
    private void report(Verdict verdict) throws MojoFailureException {
        for (Verdict.Line line : verdict.lines()) {
            if (line.warning()) {
                getLog().warn(line.text());
            } else {
                getLog().info(line.text());
            }
        }
        if (verdict.inSync()) {
            return;
        }
        if (failOnDifference) {
            throw new MojoFailureException(verdict.difference());
        }
        if (verdict.destructive() != null) {
            throw new MojoFailureException(verdict.difference() + "\n" + verdict.destructive());
        }
        for (String line : verdict.difference().split("\n")) {
            getLog().warn(line);
        }
    }

    private static String read(Path file) throws MojoExecutionException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read back " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Drift: the live database against the model, and its Flyway history against the project's
     * migrations. Either one broken fails the build (unless {@code failOnDifference=false}).
     */
    private void reportLive(Comparison comparison, Path pending) throws MojoExecutionException, MojoFailureException {
        MigrationStatus status = comparison.migrationStatus();
        getLog().info("Migration status of the live database:");
        status.lines().forEach(line -> getLog().info("  " + line));
        StringBuilder problems = new StringBuilder();
        if (status.broken()) {
            problems.append("The live database's migration history does not match the project's migrations:\n");
            status.lines().stream().skip(1).filter(line -> !line.startsWith("pending:"))
                    .forEach(line -> problems.append("  ").append(line).append('\n'));
        }
        if (comparison.inSync()) {
            deleteStale(pending);
            if (problems.length() == 0) {
                getLog().info("No drift: the live database matches what the "
                        + comparison.discovered().entities().size() + " entities map to.");
                return;
            }
        } else {
            writePending(pending, "-- What the live database needs to match the entity model. For review only:"
                    + "\n-- schema changes belong in migrations, which replay everywhere.\n\n" + comparison.migrationSql());
            problems.append("The live database has drifted from the entity model (")
                    .append(ChangeReport.summary(comparison)).append("):\n");
            ChangeReport.lines(comparison).forEach(line -> problems.append("  ").append(line).append('\n'));
            problems.append(status.pending().isEmpty() ? "No migration is pending, so the database was changed by hand,"
                            + " or a migration is missing: 'mvn compile schema:diff' (against the migrations) tells which."
                            : status.pending().size() + " migration(s) are pending; applying them may close the drift.")
                    .append("\nThe SQL that would close it, for review: ").append(pending).append('\n');
        }
        problems.append("Reports: ").append(reportDirectory.toPath().resolve(ReportWriter.MARKDOWN)).append(", ")
                .append(ReportWriter.JSON).append(".");
        if (failOnDifference) {
            throw new MojoFailureException(problems.toString());
        }
        for (String line : problems.toString().split("\n")) {
            getLog().warn(line);
        }
    }

    private static void writePending(Path file, String sql) throws MojoExecutionException {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteStale(Path file) throws MojoExecutionException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot delete stale " + file + ": " + e.getMessage(), e);
        }
    }

    /** A path as the user would type it: relative to the project folder when inside it. */
    private Path shown(Path path) {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    }
}
