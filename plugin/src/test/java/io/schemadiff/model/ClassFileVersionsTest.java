package io.schemadiff.model;

import io.schemadiff.core.SchemaException;
import io.schemadiff.core.TargetDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Entities compiled for a newer Java than the one running Maven: real class files, compiled here and
 * stamped with the class file version of the Java after this JVM's, so this JVM refuses them as it would a
 * project's (on Java 17: Java 18, class file version 62).
 */
class ClassFileVersionsTest {

    /** The Java release after the one running the tests, and its class file version. */
    private static final int NEWER = Runtime.version().feature() + 1;
    private static final int NEWER_MAJOR = NEWER + 44;

    private static final String ENTITY = "com.example.clinic.domains.visits.model.Visit";

    @TempDir
    static Path classes;

    @BeforeAll
    static void compileEntityForANewerJava() throws IOException {
        Path source = classes.resolve("src/Visit.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package com.example.clinic.domains.visits.model;
                @jakarta.persistence.Entity
                public class Visit {
                    @jakarta.persistence.Id Long id;
                    String reason;
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "-d", classes.resolve("out").toString(),
                "-classpath", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, exit);
        Path classFile = classes.resolve("out/" + ENTITY.replace('.', '/') + ".class");
        byte[] bytes = Files.readAllBytes(classFile);
        bytes[6] = 0;
        bytes[7] = (byte) NEWER_MAJOR;
        Files.write(classFile, bytes);
    }

    private static URLClassLoader projectLoader() {
        try {
            return new URLClassLoader(new URL[] {classes.resolve("out").toUri().toURL()},
                    ClassFileVersionsTest.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsTheMajorVersionFromTheClassFileHeader() throws IOException {
        try (URLClassLoader loader = projectLoader()) {
            assertEquals(NEWER_MAJOR, ClassFileVersions.major(ENTITY, loader).getAsInt());
            assertTrue(ClassFileVersions.major("com.example.Missing", loader).isEmpty());
            assertEquals(21, ClassFileVersions.javaRelease(65));
            assertEquals(NEWER, ClassFileVersions.javaRelease(NEWER_MAJOR));
            assertEquals(Runtime.version().feature() + 44, ClassFileVersions.supportedMajor());
        }
    }

    @Test
    void theModelStageNamesTheClassItsVersionAndTheJdkNeeded() throws IOException {
        try (URLClassLoader loader = projectLoader()) {
            SchemaException e = assertThrows(SchemaException.class, () -> new HibernateModelBuilder().build(
                    List.of(ENTITY), loader, List.of(classes.resolve("out")), TargetDatabase.postgresql(14), Map.of()));
            assertTrue(e.getMessage().startsWith(ENTITY + " (in "), e.getMessage());
            assertTrue(e.getMessage().contains("is compiled for Java " + NEWER + " (class file version " + NEWER_MAJOR + ")"), e.getMessage());
            assertTrue(e.getMessage().contains("but Maven runs on Java " + Runtime.version().feature()), e.getMessage());
            assertTrue(e.getMessage().contains("Run Maven with a JDK " + NEWER + " or newer (set JAVA_HOME)"), e.getMessage());
        }
    }

    @Test
    void aServiceProviderThatIsNotFoundIsExplainedByItsClassFile() throws IOException {
        try (URLClassLoader loader = projectLoader()) {
            ServiceConfigurationError error = new ServiceConfigurationError(
                    "org.hibernate.integrator.spi.Integrator: Provider " + ENTITY + " not found");
            String message = ClassFileVersions.explain(new SchemaException("Cannot run Hibernate", error), loader)
                    .orElseThrow();
            assertTrue(message.startsWith(ENTITY + " (in "), message);
            assertTrue(message.contains("class file version " + NEWER_MAJOR), message);
        }
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() throws IOException {
        try (URLClassLoader loader = projectLoader()) {
            assertTrue(ClassFileVersions.explain(new SchemaException("Hibernate rejected the entity model: x"), loader)
                    .isEmpty());
            // a provider missing for another reason: its class file is not too new
            assertTrue(ClassFileVersions.explain(new ServiceConfigurationError("S: Provider java.lang.Object not found"),
                    loader).isEmpty());
        }
    }

    @Test
    void theScanReadsTheVersionAndTheCheckNamesTheClassBeforeHibernateRuns() throws IOException {
        io.schemadiff.discover.DiscoveredModel found = new io.schemadiff.discover.EntityScanner().scan(
                classes.resolve("out"), List.of(),
                List.of(io.schemadiff.discover.PackagePattern.of("**.domains.*.model")), List.<String>of());
        assertEquals(Map.of(ENTITY, NEWER_MAJOR), found.classFileMajors());
        try (URLClassLoader loader = projectLoader()) {
            SchemaException e = assertThrows(SchemaException.class,
                    () -> ClassFileVersions.requireLoadable(found.classFileMajors(), loader));
            assertTrue(e.getMessage().startsWith(ENTITY + " (in "), e.getMessage());
            assertTrue(e.getMessage().contains("is compiled for Java " + NEWER + " (class file version " + NEWER_MAJOR + ")"), e.getMessage());
            // a class this JVM loads passes
            ClassFileVersions.requireLoadable(Map.of(ENTITY, ClassFileVersions.supportedMajor()), loader);
        }
    }
}
