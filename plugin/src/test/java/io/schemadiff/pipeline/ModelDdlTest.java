package io.schemadiff.pipeline;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import io.schemadiff.core.TargetDatabase;
import io.schemadiff.discover.EntityScanner;
import io.schemadiff.discover.PackagePattern;
import io.schemadiff.model.EntityModel;
import io.schemadiff.model.HibernateModelBuilder;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.testing.Scenario;
import io.schemadiff.testing.SharedMariaDb;
import io.schemadiff.testing.SharedPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model's DDL goes to the database as one batch, and a rejected statement is still named with its entity. */
class ModelDdlTest {

    private static EntityModel shop(List<String> extraDdl) {
        List<String> classes = new EntityScanner().scan(Scenario.TEST_CLASSES, List.of(),
                List.of(PackagePattern.of("io.schemadiff.fixtures.shop.domains.*.model")), List.of()).classes();
        EntityModel model = new HibernateModelBuilder().build(classes, ModelDdlTest.class.getClassLoader(),
                TargetDatabase.postgresql(PipelineSettings.DEFAULT_POSTGRES_MAJOR), Map.of());
        List<String> ddl = new ArrayList<>(model.ddl());
        ddl.addAll(extraDdl);
        return new EntityModel(ddl, model.sources(), model.hibernateVersion(), model.defaultSchema(), model.origin());
    }

    @Test
    void everyStatementIsApplied() throws SQLException {
        EntityModel model = shop(List.of());
        try (SharedPostgres.Database database = SharedPostgres.newDatabase("model_ddl")) {
            ModelDdl.apply(database.dataSource(), model, Dialect.POSTGRESQL);
            long created = model.ddl().stream().filter(ddl -> ddl.startsWith("create table")).count();
            try (Connection connection = database.dataSource().getConnection();
                 ResultSet tables = connection.createStatement().executeQuery(
                         "select count(*) from information_schema.tables where table_schema = 'public'")) {
                tables.next();
                assertEquals(created, tables.getLong(1));
            }
        }
    }

    @Test
    void aRejectedStatementIsNamedWithItsEntityAndTheDatabasesReason() {
        EntityModel model = shop(List.of("alter table customers add column loyalty no_such_type",
                "create table never_reached (id bigint)"));
        try (SharedPostgres.Database database = SharedPostgres.newDatabase("model_ddl")) {
            SchemaException e = assertThrows(SchemaException.class,
                    () -> ModelDdl.apply(database.dataSource(), model, Dialect.POSTGRESQL));
            assertTrue(e.getMessage().startsWith("PostgreSQL rejects the DDL Hibernate writes for the entity model ("),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Customer"), e.getMessage());
            assertTrue(e.getMessage().contains("\n    alter table customers add column loyalty no_such_type\n"), e.getMessage());
            assertTrue(e.getMessage().contains("no_such_type\" does not exist"), e.getMessage());
        }
    }

    @Test
    void onMariaDbToo() {
        ScratchServer server = SharedMariaDb.embedded();
        List<String> classes = new EntityScanner().scan(Scenario.TEST_CLASSES, List.of(),
                List.of(PackagePattern.of("io.schemadiff.fixtures.shop.domains.*.model")), List.of()).classes();
        EntityModel built = new HibernateModelBuilder().build(classes, ModelDdlTest.class.getClassLoader(),
                TargetDatabase.of(Dialect.MARIADB, server.version()), Map.of());
        List<String> ddl = new ArrayList<>(built.ddl());
        ddl.add("alter table customers add column loyalty no_such_type");
        ddl.add("create table never_reached (id bigint)");
        EntityModel model = new EntityModel(ddl, built.sources(), built.hibernateVersion(), built.defaultSchema(),
                built.origin());
        try (SharedPostgres.Database database = SharedPostgres.Database.create(server, "model_ddl")) {
            SchemaException e = assertThrows(SchemaException.class,
                    () -> ModelDdl.apply(database.dataSource(), model, Dialect.MARIADB));
            assertTrue(e.getMessage().contains("Customer"), e.getMessage());
            assertTrue(e.getMessage().contains("\n    alter table customers add column loyalty no_such_type\n"), e.getMessage());
        }
    }
}
