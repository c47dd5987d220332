package io.schemadiff.testing;

import io.schemadiff.core.Console;
import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.pipeline.PipelineSettings;
import io.schemadiff.pipeline.SchemaPipeline;
import io.schemadiff.reference.EmbeddedPostgresServer;
import io.schemadiff.reference.NamedPostgresServer;
import io.schemadiff.reference.ServerConnection;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A build in a JVM of its own, for tests that kill it: runs the pipeline on the shop model and the migrations of
 * {@code <project>/db/migration}, printing what the plugin says, then {@code RESULT …}.
 * Arguments: {@code compare|generate <project> [<postgres server url>]}; without a URL, on an embedded PostgreSQL.
 */
public final class ChildBuild {

    private ChildBuild() {
    }

    public static void main(String[] args) {
        Console console = new Console() {
            public void info(String message) { System.out.println("[INFO] " + message); }
            public void warn(String message) { System.out.println("[WARN] " + message); }
            public void debug(String message) { }
        };
        Scenario scenario = Scenario.of(Path.of(args[1]), ShopMigrations.PACKAGES);
        PipelineSettings settings = scenario.settings();
        SchemaPipeline pipeline;
        if (args.length > 2) {
            ServerConnection server = ServerConnection.of(args[2], "postgres", null);
            pipeline = new SchemaPipeline(settings.reference(PipelineSettings.Reference.SERVER, server), console,
                    () -> NamedPostgresServer.connect(server, console), Clock.systemUTC());
        } else {
            pipeline = new SchemaPipeline(settings, console, () -> EmbeddedPostgresServer.start(null, console),
                    Clock.systemUTC());
        }
        if (args[0].equals("generate")) {
            SchemaPipeline.Generation generation = pipeline.generate();
            System.out.println("RESULT " + generation.written().map(p -> "wrote " + p.getFileName()).orElse("in sync"));
        } else {
            Comparison comparison = pipeline.compare();
            System.out.println("RESULT " + (comparison.inSync() ? "in sync" : "differs"));
        }
    }
}
