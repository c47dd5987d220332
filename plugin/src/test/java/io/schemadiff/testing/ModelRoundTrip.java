package io.schemadiff.testing;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.TargetDatabase;
import io.schemadiff.discover.EntityScanner;
import io.schemadiff.discover.PackagePattern;
import io.schemadiff.model.EntityModel;
import io.schemadiff.model.HibernateModelBuilder;
import io.schemadiff.pipeline.PipelineSettings;
import io.schemadiff.reference.FlywayProject;
import io.schemadiff.reference.MigrationReplay;
import io.schemadiff.reference.ScratchServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The quality bar of every generated migration, for unit tests and invoker ITs alike: a database
 * built by Flyway from all migrations has exactly the schema a database built from Hibernate's own
 * DDL has, names aside. Both databases are scratch ones on {@code server}, dropped afterwards.
 */
public final class ModelRoundTrip {

    private ModelRoundTrip() {
    }

    /**
     * @param classes  the compiled model, e.g. a project's {@code target/classes}
     * @param packages model package patterns, e.g. {@code **.domains.*.model}
     * @param loader   loads the model's classes; its parent must see this plugin's Hibernate
     */
    public static void assertMigrationsBuildTheModel(Dialect dialect, ScratchServer server, List<Path> migrations,
                                                     Path classes, List<String> packages, List<String> extraClasses,
                                                     ClassLoader loader, Map<String, String> hibernate) {
        try (SharedPostgres.Database migrated = SharedPostgres.Database.create(server, "check_migrated");
             SharedPostgres.Database created = SharedPostgres.Database.create(server, "check_hibernate")) {
            new MigrationReplay(FlywayProject.ofFolders(migrations), dialect).replay(migrated.dataSource());
            TargetDatabase target = dialect == Dialect.MARIADB ? TargetDatabase.of(dialect, server.version())
                    : TargetDatabase.postgresql(PipelineSettings.DEFAULT_POSTGRES_MAJOR);
            List<String> mapped = new EntityScanner().scan(classes, List.of(),
                    packages.stream().map(PackagePattern::of).toList(), extraClasses).classes();
            EntityModel model = new HibernateModelBuilder().build(mapped, loader, target, hibernate);
            try (Connection c = created.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String ddl : model.ddl()) {
                    s.execute(ddl);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            assertEquals(Catalogs.fingerprint(created.dataSource(), dialect),
                    Catalogs.fingerprint(migrated.dataSource(), dialect),
                    "the migrations must build exactly the schema Hibernate creates");
        }
    }
}
