package io.schemadiff.maven;

import io.schemadiff.pipeline.PipelineSettings;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URLClassLoader;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameter wiring of schema:diff and schema:generate, through Maven's own configurator. */
@MojoTest
class MojoConfigurationTest {

    @Test
    @InjectMojo(goal = "diff", pom = "src/test/resources/unit/defaults/pom.xml")
    void diffDefaultsNeedNoConfiguration(DiffMojo mojo) throws Exception {
        assertEquals(List.of("**.domains.*.model"), getVariableValueFromObject(mojo, "packages"));
        assertEquals((Object) null, getVariableValueFromObject(mojo, "dialect"), "the project's JDBC URL, else postgresql");
        assertEquals((Object) null, getVariableValueFromObject(mojo, "postgresMajor"), "follows postgresVersion, else 14");
        assertEquals("embedded", getVariableValueFromObject(mojo, "reference"));
        assertEquals(Boolean.TRUE, getVariableValueFromObject(mojo, "failOnDifference"));
        assertEquals(Boolean.TRUE, getVariableValueFromObject(mojo, "verify"));
        assertEquals(Boolean.FALSE, getVariableValueFromObject(mojo, "skip"));
        assertEquals((Object) null, getVariableValueFromObject(mojo, "migrations"), "the project's Flyway settings decide");
    }

    @Test
    @InjectMojo(goal = "generate", pom = "src/test/resources/unit/configured/pom.xml")
    void configurationReachesThePipelineSettings(GenerateMojo mojo) throws Exception {
        inProjectWithoutSources(mojo, "/libs/model.jar");
        try (URLClassLoader loader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            PipelineSettings settings = mojo.settings(loader);
            assertEquals(List.of("com.acme.*.entities", "com.acme.shared"), settings.packages());
            assertEquals(List.of("com.acme.legacy.Invoice"), settings.classes());
            assertTrue(settings.migrationsDirectory().endsWith(Path.of("src", "main", "resources", "db", "changes")));
            assertEquals(16, settings.postgresMajor());
            assertEquals("add invoices", settings.message());
            assertEquals(Map.of("hibernate.default_schema", "billing"), settings.hibernateProperties());
            // the project's own classes are scanned first, the rest of the (runtime) classpath after
            assertEquals(List.of(Path.of("/libs/model.jar")), settings.classpath());
            assertTrue(settings.classesDirectory().endsWith(Path.of("target", "none", "classes")));
            assertTrue(settings.verify());
            assertEquals(PipelineSettings.Reference.SERVER, settings.reference());
            assertEquals("db.internal:5432/postgres", settings.connection().describe());
            assertEquals(Map.of("owner", "app_owner"), settings.placeholders());
            assertEquals(List.of("prod"), settings.profiles());
        }
    }

    @Test
    @InjectMojo(goal = "generate", pom = "src/test/resources/unit/configured/pom.xml")
    void hibernatePropertiesFromTheCommandLineMergeUnderThePomsMap(GenerateMojo mojo) throws Exception {
        inProjectWithoutSources(mojo);
        setVariableValueToObject(mojo, "hibernatePropertyList",
                "hibernate.default_schema=cli, hibernate.globally_quoted_identifiers=true");
        setVariableValueToObject(mojo, "persistenceUnit", " shop ");
        try (URLClassLoader loader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            PipelineSettings settings = mojo.settings(loader);
            assertEquals(Map.of("hibernate.default_schema", "billing", "hibernate.globally_quoted_identifiers", "true"),
                    settings.hibernateProperties(), "the POM's <hibernateProperties> wins for the same key");
            assertEquals("shop", settings.persistenceUnit());

            setVariableValueToObject(mojo, "hibernatePropertyList", "hibernate.default_schema=cli,quoted");
            MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> mojo.settings(loader));
            assertTrue(e.getMessage().startsWith("schema.hibernateProperties: 'quoted' is not key=value"), e.getMessage());
        }
    }

    @Test
    @InjectMojo(goal = "diff", pom = "src/test/resources/unit/configured/pom.xml")
    void failOnDifferenceCanBeTurnedOff(DiffMojo mojo) throws Exception {
        assertFalse((Boolean) getVariableValueFromObject(mojo, "failOnDifference"));
    }

    @Test
    @InjectMojo(goal = "diff", pom = "src/test/resources/unit/defaults/pom.xml")
    void skipDoesNothingAtAll(DiffMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "skip", true);
        // no project, no classes, no database: skipping must not need any of them
        setVariableValueToObject(mojo, "project", null);
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "generate", pom = "src/test/resources/unit/defaults/pom.xml")
    void unsupportedDialectIsABuildErrorNamingTheParameter(GenerateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "dialect", "oracle");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("schema.dialect"), e.getMessage());
        assertTrue(e.getMessage().contains("oracle"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "diff", pom = "src/test/resources/unit/defaults/pom.xml")
    void keptDatabasesAreThreeUnlessSaidAndNeverNegative(DiffMojo mojo) throws Exception {
        assertEquals((Object) 3, getVariableValueFromObject(mojo, "keptDatabases"));
        setVariableValueToObject(mojo, "keptDatabases", -1);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("keptDatabases (schema.keptDatabases) is -1"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "diff", pom = "src/test/resources/unit/defaults/pom.xml")
    void mysqlIsRefusedWithTheReasonAndWhatToUse(DiffMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "dialect", "mysql");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("'mysql' is not supported yet"), e.getMessage());
        assertTrue(e.getMessage().contains("mariadb"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "lock", pom = "src/test/resources/unit/defaults/pom.xml")
    void everyGoalTakesTheDialectItsVendorLocationsDependOn(LockMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "project", new org.apache.maven.project.MavenProject() {
            @Override
            public File getBasedir() {
                return new File("target/none").getAbsoluteFile();
            }
        });
        setVariableValueToObject(mojo, "dialect", "MariaDB");
        assertEquals(io.schemadiff.core.Dialect.MARIADB, mojo.migrationSettings().dialect());
    }

    /** A project in {@code target/none} with no compiled classes, whose classpath holds {@code jars}. */
    private static void inProjectWithoutSources(AbstractSchemaMojo mojo, String... jars) throws IllegalAccessException {
        setVariableValueToObject(mojo, "classesDirectory", new File("target/none/classes"));
        setVariableValueToObject(mojo, "project", new org.apache.maven.project.MavenProject() {
            @Override
            public List<String> getRuntimeClasspathElements() {
                List<String> elements = new java.util.ArrayList<>(List.of(new File("target/none/classes").getAbsolutePath()));
                elements.addAll(List.of(jars));
                return elements;
            }

            @Override
            public File getBasedir() {
                return new File("target/none").getAbsoluteFile();
            }
        });
    }

    @Test
    @InjectMojo(goal = "diff", pom = "src/test/resources/unit/defaults/pom.xml")
    void timingsGoToInfoWhenAskedForElseToDebug(DiffMojo mojo) throws Exception {
        List<String> info = new java.util.ArrayList<>();
        List<String> debug = new java.util.ArrayList<>();
        mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                info.add(content.toString());
            }

            @Override
            public void debug(CharSequence content) {
                debug.add(content.toString());
            }
        });
        Map<String, Long> stages = new java.util.LinkedHashMap<>();
        stages.put("discover", 12L);
        stages.put("model", 345L);
        mojo.logTimings(stages);
        assertEquals(List.of(), info, "without schema.timings only -X shows them");
        assertEquals(1, debug.size());

        setVariableValueToObject(mojo, "timings", true);
        mojo.logTimings(stages);
        assertEquals(1, info.size());
        assertTrue(info.get(0).matches("Timings \\(ms\\): \\{setup=\\d+, discover=12, model=345, total=\\d+}"), info.get(0));
    }
}
