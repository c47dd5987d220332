package io.schemadiff.cache;

import io.schemadiff.pipeline.PipelineSettings;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A project on disk that a test edits between runs, as a developer would: Java sources compiled
 * for real into {@code target/classes}, a dependency jar built from sources, and Flyway migrations in
 * {@code src/main/resources/db/migration} ({@code classpath:db/migration}, Java migrations included).
 */
final class CompiledProject {

    private final Path base;
    private final Path classes;
    private final Path jar;

    CompiledProject(Path base) {
        this.base = base;
        this.classes = base.resolve("target/classes");
        this.jar = base.resolve("libs/model-extra.jar");
        try {
            Files.createDirectories(classes);
            Files.createDirectories(migrations());
            Files.createDirectories(jar.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path migrations() {
        return base.resolve("src/main/resources/db/migration");
    }

    Path reportDirectory() {
        return base.resolve("target/schema");
    }

    /** Compiles one class of the project into its classes folder, as {@code mvn compile} would after an edit. */
    CompiledProject compile(String className, String source) {
        compileInto(classes, className, source);
        return this;
    }

    /** Builds the dependency jar from one class (replacing the jar), as an upgrade of that dependency would. */
    CompiledProject dependency(String className, String source) {
        Path jarClasses = base.resolve("target/jar-classes-" + System.nanoTime());
        compileInto(jarClasses, className, source);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(jarClasses)) {
            for (Path classFile : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(jarClasses.relativize(classFile).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(classFile));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    CompiledProject migration(String fileName, String sql) {
        try {
            Files.writeString(migrations().resolve(fileName), sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The settings a Maven build would give the pipeline, with a fresh project class loader. */
    PipelineSettings settings() {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(classes.toUri().toURL());
            urls.add(jar.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return new PipelineSettings()
                .baseDirectory(base)
                .resourceDirectories(List.of(base.resolve("src/main/resources")))
                .classesDirectory(classes)
                .classpath(List.of(jar))
                .projectClassLoader(new URLClassLoader(urls.toArray(URL[]::new), CompiledProject.class.getClassLoader()))
                .packages(List.of("com.example.domains.*.model"))
                .generator("schema-maven-plugin test");
    }

    private void compileInto(Path output, String className, String source) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path file = base.resolve("src/main/java").resolve(className.replace('.', '/') + ".java");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classpath = String.join(java.io.File.pathSeparator, classes.toString(), jarOf(jakarta.persistence.Entity.class),
                jarOf(org.flywaydb.core.api.migration.BaseJavaMigration.class));
        int status = compiler.run(null, null, errors, "-d", output.toString(), "-classpath", classpath,
                "--release", "17", "-proc:none", file.toString());
        if (status != 0) {
            throw new IllegalStateException("Cannot compile " + className + ":\n" + errors);
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dependency jar's entity, with {@code extraField} added: upgrading the jar means changing it. */
    /** {@code com.example.domains.library.model.Book}: an id and a title, plus {@code extraField}. */
    static String book(String extraField) {
        return """
                package com.example.domains.library.model;
                import jakarta.persistence.*;
                @Entity @Table(name = "books")
                public class Book {
                    @Id Long id;
                    @Column(nullable = false) String title;
                    %s
                }
                """.formatted(extraField);
    }

        static String tag(String extraField) {
        return """
                package com.example.domains.tags.model;
                import jakarta.persistence.*;
                @Entity @Table(name = "tags")
                public class Tag {
                    @Id Long id;
                    String label;
                    %s
                }
                """.formatted(extraField);
    }

    /** The Java migration {@code db.migration.V3__drop_notes}, running {@code sql}. */
    static String dropNotesMigration(String sql) {
        return """
                package db.migration;
                import org.flywaydb.core.api.migration.BaseJavaMigration;
                import org.flywaydb.core.api.migration.Context;
                public class V3__drop_notes extends BaseJavaMigration {
                    public void migrate(Context context) throws Exception {
                        try (var statement = context.getConnection().createStatement()) {
                            statement.execute("%s");
                        }
                    }
                }
                """.formatted(sql);
    }
}
