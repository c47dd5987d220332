package io.schemadiff.model;

import io.schemadiff.core.Console;
import io.schemadiff.core.SchemaException;
import io.schemadiff.core.TargetDatabase;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model stage in a JVM of its own gives what it gives in the build's JVM, errors included. */
class ModelJvmTest {

    static final List<String> SHOP = List.of(
            "io.schemadiff.fixtures.shop.domains.sales.model.Customer",
            "io.schemadiff.fixtures.shop.domains.sales.model.PurchaseOrder");
    static final Map<String, String> NAMING = Map.of("hibernate.physical_naming_strategy",
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** The test JVM's real classpath (surefire's java.class.path is a manifest-only jar). */
    static List<Path> testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList();
    }

    static EntityModel inThisJvm(List<String> classes) {
        return new HibernateModelBuilder().build(classes, ModelJvmTest.class.getClassLoader(),
                List.of(Scenario.TEST_CLASSES), TargetDatabase.postgresql(14), NAMING);
    }

    static void assertSameModel(EntityModel expected, EntityModel actual) {
        assertEquals(expected.ddl(), actual.ddl());
        assertEquals(expected.sources(), actual.sources());
        assertFalse(actual.sources().tables().isEmpty());
        assertEquals(expected.hibernateVersion(), actual.hibernateVersion());
        assertEquals(expected.defaultSchema(), actual.defaultSchema());
        assertEquals(expected.origin(), actual.origin());
    }

    @Test
    void theModelJvmBuildsTheModelTheBuildsJvmBuilds() {
        ModelJvm jvm = new ModelJvm(JAVA, testClasspath(), null);
        List<String> details = new ArrayList<>();
        Optional<EntityModel> model = jvm.build(SHOP, List.of(Scenario.TEST_CLASSES), TargetDatabase.postgresql(14),
                NAMING, console(details));
        assertTrue(model.isPresent(), "no model: " + details);
        assertFalse(model.get().ddl().isEmpty());
        assertSameModel(inThisJvm(SHOP), model.get());
    }

    @Test
    void badInputIsReportedAsTheBuildsJvmReportsIt() {
        ModelJvm jvm = new ModelJvm(JAVA, testClasspath(), null);
        for (List<String> classes : List.of(List.of("io.schemadiff.fixtures.shop.domains.sales.model.Missing"),
                List.of("io.schemadiff.fixtures.broken.model.ExplodingEntity"))) {
            SchemaException here = assertThrows(SchemaException.class, () -> inThisJvm(classes));
            SchemaException there = assertThrows(SchemaException.class, () -> jvm.build(classes,
                    List.of(Scenario.TEST_CLASSES), TargetDatabase.postgresql(14), NAMING, Console.SILENT));
            assertEquals(here.getMessage(), there.getMessage());
        }
    }

    @Test
    void aJvmThatCannotStartLeavesTheModelToTheBuildsJvm(@TempDir Path folder) {
        List<String> details = new ArrayList<>();
        ModelJvm jvm = new ModelJvm(folder.resolve("no-java-here"), testClasspath(), folder);
        assertEquals(Optional.empty(), jvm.build(SHOP, List.of(Scenario.TEST_CLASSES), TargetDatabase.postgresql(14),
                NAMING, console(details)));
        assertTrue(details.stream().anyMatch(line -> line.contains("the build's JVM builds the model")), details.toString());
    }

    @Test
    void aJvmThatEndsWithoutAModelLeavesItToTheBuildsJvm(@TempDir Path folder) {
        List<String> details = new ArrayList<>();
        // the plugin's classes missing: the JVM starts and fails at once
        ModelJvm jvm = new ModelJvm(JAVA, List.of(folder), null);
        assertEquals(Optional.empty(), jvm.build(SHOP, List.of(Scenario.TEST_CLASSES), TargetDatabase.postgresql(14),
                NAMING, console(details)));
        assertTrue(details.stream().anyMatch(line -> line.contains("ModelJvmMain")), details.toString());
    }

    @Test
    void theClassArchiveIsWrittenOnceAndMappedAfterwards(@TempDir Path folder) throws IOException {
        // the JVM archives classes from jars only: the test classpath's folders as jars
        List<Path> jars = new ArrayList<>();
        for (Path element : testClasspath()) {
            jars.add(Files.isDirectory(element) ? jar(element, folder.resolve(jars.size() + ".jar")) : element);
        }
        Path archives = folder.resolve("archives");
        ModelJvm jvm = new ModelJvm(JAVA, jars, archives);
        EntityModel expected = inThisJvm(SHOP);

        List<String> details = new ArrayList<>();
        EntityModel first = jvm.build(SHOP, List.of(Scenario.TEST_CLASSES), TargetDatabase.postgresql(14), NAMING,
                console(details)).orElseThrow(() -> new AssertionError(details.toString()));
        assertSameModel(expected, first);
        ClassArchive archive = ClassArchive.in(archives, JAVA, jars);
        List<String> options = archive.forLaunch().jvmOptions();
        assertEquals(1, options.size());
        assertTrue(options.get(0).startsWith("-XX:SharedArchiveFile="), options.toString());
        try (Stream<Path> files = Files.list(archives)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).endsWith(".jsa"), names.toString());
        }

        EntityModel second = jvm.build(SHOP, List.of(Scenario.TEST_CLASSES), TargetDatabase.postgresql(14), NAMING,
                console(details)).orElseThrow(() -> new AssertionError(details.toString()));
        assertSameModel(expected, second);

        // a jar that changed is another classpath: another archive
        Files.setLastModifiedTime(jars.get(0), java.nio.file.attribute.FileTime.fromMillis(0));
        assertFalse(ClassArchive.in(archives, JAVA, jars).forLaunch().jvmOptions().get(0)
                .startsWith("-XX:SharedArchiveFile="));
    }

    @Test
    void aModelJvmStartedBeforeTheScanWaitsForItsRequestAndIsStoppedWithoutOne(@TempDir Path folder)
            throws Exception {
        ModelJvm jvm = new ModelJvm(JAVA, testClasspath(), folder.resolve("archives"));
        try (ModelJvm.Started started = jvm.start()) {
            // the scan takes its time: the JVM is up and waiting meanwhile
            Thread.sleep(300);
            assertEquals(1, modelJvms().size());
            List<String> details = new ArrayList<>();
            EntityModel model = started.build(SHOP, List.of(Scenario.TEST_CLASSES), TargetDatabase.postgresql(14),
                    NAMING, console(details)).orElseThrow(() -> new AssertionError(details.toString()));
            assertSameModel(inThisJvm(SHOP), model);
        }

        ModelJvm.Started unused = jvm.start();
        assertEquals(1, modelJvms().size());
        unused.close();
        for (int i = 0; i < 50 && !modelJvms().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), modelJvms());
    }

    /** The model JVMs this test JVM started that still run. */
    static List<ProcessHandle> modelJvms() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("schemadiff-model")).toList();
    }

    @Test
    void aFolderOnThePluginsClasspathMeansNoArchive(@TempDir Path folder) {
        assertEquals(List.of(), ClassArchive.in(folder.resolve("archives"), JAVA, testClasspath()).forLaunch()
                .jvmOptions());
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                try (var in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A console that keeps what the model JVM says, warnings and details alike, for a failure's message. */
    static Console console(List<String> said) {
        return new Console() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                said.add("warning: " + message);
            }

            @Override
            public void debug(String message) {
                said.add(message);
            }
        };
    }

}
