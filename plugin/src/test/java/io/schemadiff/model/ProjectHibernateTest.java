package io.schemadiff.model;

import io.schemadiff.core.TargetDatabase;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's Hibernate, run in its own class loader through the JPA schema-generation API, must
 * write what Hibernate writes when booted natively. (A project on another Hibernate version is
 * covered by the invoker test {@code project-hibernate-version}.)
 */
class ProjectHibernateTest {

    private static final List<String> SHOP = List.of(
            "io.schemadiff.fixtures.shop.domains.sales.model.Customer",
            "io.schemadiff.fixtures.shop.domains.sales.model.PurchaseOrder");

    /** The test JVM's real classpath (surefire's java.class.path is a manifest-only jar). */
    private static List<Path> testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList();
    }

    @Test
    void noHibernateOnTheClasspathMeansNone() {
        assertEquals(Optional.empty(), ProjectHibernate.find(List.of(Scenario.TEST_CLASSES)).map(ProjectHibernate::version));
    }

    @Test
    void isolatedGenerateSchemaWritesWhatHibernateWritesNatively() throws Exception {
        Map<String, String> naming = Map.of("hibernate.physical_naming_strategy",
                "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
        EntityModel nativeModel = new HibernateModelBuilder().build(SHOP, getClass().getClassLoader(), TargetDatabase.postgresql(14), naming);

        try (ProjectHibernate project = ProjectHibernate.find(testClasspath()).orElseThrow()) {
            assertEquals(org.hibernate.Version.getVersionString(), project.version());
            String script = project.createScript(SHOP, Scenario.TEST_CLASSES.toUri().toURL(),
                    Map.of("jakarta.persistence.database-product-name", "PostgreSQL",
                            "jakarta.persistence.database-major-version", "14",
                            "hibernate.boot.allow_jdbc_metadata_access", "false",
                            "hibernate.hbm2ddl.delimiter", ";",
                            "hibernate.format_sql", "false",
                            "hibernate.physical_naming_strategy",
                            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"));

            assertEquals(nativeModel.ddl(), HibernateModelBuilder.splitStatements(script));
            assertTrue(script.contains("created_at"), "the user's naming strategy reached the isolated Hibernate");
        }
    }

    /**
     * The fallback for models the plugin's Hibernate cannot read: the project's Hibernate, called by
     * reflection, traces every table, column and explicit name to the same entity and field.
     */
    @Test
    void theProjectsHibernateTracesTablesAndColumnsAsThePluginsDoes() throws Exception {
        Map<String, String> naming = Map.of("hibernate.physical_naming_strategy",
                "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
        SourceMap plugins = new HibernateModelBuilder().build(SHOP, getClass().getClassLoader(),
                TargetDatabase.postgresql(14), naming).sources();

        try (ProjectHibernate project = ProjectHibernate.find(testClasspath()).orElseThrow()) {
            SourceMap projects = new ProjectHibernateSources(project, io.schemadiff.core.Dialect.POSTGRESQL, "public")
                    .of(SHOP, Map.of("jakarta.persistence.database-product-name", "PostgreSQL",
                            "jakarta.persistence.database-major-version", "14",
                            "hibernate.boot.allow_jdbc_metadata_access", "false",
                            "hibernate.physical_naming_strategy",
                            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"));

            assertFalse(plugins.columns().isEmpty());
            assertEquals(plugins.tables(), projects.tables());
            assertEquals(plugins.columns(), projects.columns());
            assertEquals(plugins.explicitNames(), projects.explicitNames());
            assertTrue(projects.untraced().isEmpty());
        }
    }

    @Test
    void theIsolatedHibernateSharesNoClassWithThePlugin() throws Exception {
        try (ProjectHibernate project = ProjectHibernate.find(testClasspath()).orElseThrow()) {
            Class<?> theirs = project.classLoader().loadClass("org.hibernate.Version");
            assertNotSame(org.hibernate.Version.class, theirs);
            assertFalse(theirs.getClassLoader() == getClass().getClassLoader());
        }
    }

    @Test
    void theModelSaysWhoseHibernateWroteIt() {
        EntityModel model = new HibernateModelBuilder().build(SHOP, getClass().getClassLoader(),
                List.of(Scenario.TEST_CLASSES), TargetDatabase.postgresql(14), Map.of());
        assertEquals(EntityModel.Origin.PLUGIN, model.origin());
        assertTrue(model.producedBy().startsWith("Hibernate ORM " + org.hibernate.Version.getVersionString()),
                model.producedBy());

        EntityModel withProjectHibernate = new HibernateModelBuilder().build(SHOP, getClass().getClassLoader(),
                testClasspath(), TargetDatabase.postgresql(14), Map.of());
        assertEquals(EntityModel.Origin.PROJECT, withProjectHibernate.origin());
        assertEquals(model.ddl(), withProjectHibernate.ddl());
    }
}
