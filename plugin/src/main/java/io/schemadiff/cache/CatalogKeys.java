package io.schemadiff.cache;

import io.schemadiff.core.Dialect;
import io.schemadiff.reference.FlywayProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a cached catalog depends on, as text for {@link CatalogCache#name}. Content where content decides
 * (migration files, DDL, class files), never times, so a checkout or rebuild of the same files keeps the
 * key; jars by path, size and time, as the verdict's fingerprint does.
 */
public final class CatalogKeys {

    private static final String FILESYSTEM = "filesystem:";

    private CatalogKeys() {
    }

    /**
     * The inputs of the catalog the migrations build: the resolved Flyway settings, the locations and every
     * file in their folders by content; the compiled classes by content and the classpath's jars when Java
     * migrations or classpath locations outside the project's folders take part.
     *
     * @throws UncheckedIOException when a file cannot be read (then nothing is reused)
     */
    public static String migrations(FlywayProject project, Dialect dialect, String historyTable,
                                    Path classesDirectory, List<Path> classpath) {
        StringBuilder key = new StringBuilder();
        line(key, "dialect", dialect.id());
        line(key, "history", historyTable);
        line(key, "flyway", project.settings().toString());
        boolean classpathLocations = false;
        for (String location : project.locations()) {
            line(key, "location", location);
            classpathLocations |= !location.startsWith(FILESYSTEM);
        }
        for (Path folder : project.folders()) {
            if (Files.isDirectory(folder)) {
                for (Path file : InputFingerprint.files(folder)) {
                    line(key, "file", folder.relativize(file).toString().replace('\\', '/') + " " + sha256(file));
                }
            } else {
                line(key, "folder", folder + " missing");
            }
        }
        project.javaMigrations().forEach(migration -> line(key, "java", migration.getClass().getName()));
        if (!project.javaMigrations().isEmpty() || classpathLocations) {
            // a Java migration may call any project class, and classpath: locations may be in any jar
            if (classesDirectory != null && Files.isDirectory(classesDirectory)) {
                // class files only: the resources beside them include the migrations, copied there by a later build
                for (Path file : InputFingerprint.files(classesDirectory).stream()
                        .filter(f -> f.toString().endsWith(".class")).toList()) {
                    line(key, "class", classesDirectory.relativize(file).toString().replace('\\', '/') + " "
                            + sha256(file));
                }
            }
            for (Path element : classpath) {
                line(key, "classpath", classpathElement(element));
            }
        }
        return key.toString();
    }

    /** The inputs of the catalog the model's DDL builds: the statements, in order. */
    public static String model(List<String> ddl, Dialect dialect, String historyTable) {
        StringBuilder key = new StringBuilder();
        line(key, "dialect", dialect.id());
        line(key, "history", historyTable);
        ddl.forEach(statement -> line(key, "ddl", statement));
        return key.toString();
    }

    /**
     * The migrations' {@link #migrations inputs} without their files: what must be the same for a database replayed
     * from other files of the same folders to be brought up to date by replaying only the files added since.
     */
    public static String withoutFiles(String inputs) {
        StringBuilder rest = new StringBuilder();
        lines(inputs, (label, value) -> {
            if (!label.equals("file")) {
                line(rest, label, value);
            }
        });
        return rest.toString();
    }

    /** The migrations' files in their {@link #migrations inputs}, each as {@code <path in its folder> <sha-256>}. */
    public static List<String> files(String inputs) {
        List<String> files = new java.util.ArrayList<>();
        lines(inputs, (label, value) -> {
            if (label.equals("file")) {
                files.add(value);
            }
        });
        return files;
    }

    /** Reads back what {@link #line} wrote: a label, the value's length, the value (which may hold newlines). */
    private static void lines(String inputs, java.util.function.BiConsumer<String, String> each) {
        int at = 0;
        while (at < inputs.length()) {
            int space = inputs.indexOf(' ', at);
            int lengthEnd = inputs.indexOf(' ', space + 1);
            String label = inputs.substring(at, space);
            int length = Integer.parseInt(inputs.substring(space + 1, lengthEnd));
            String value = length < 0 ? null : inputs.substring(lengthEnd + 1, lengthEnd + 1 + length);
            each.accept(label, value);
            at = (length < 0 ? lengthEnd + 1 + "null".length() : lengthEnd + 1 + length) + 1;
        }
    }

    /** The namespaces a reference catalog was read for, short enough for a file name. */
    public static String schemas(Set<String> schemas) {
        return CatalogCodec.sha256(String.join("\u0000", new TreeSet<>(schemas))).substring(0, 16);
    }

    private static void line(StringBuilder key, String label, String value) {
        // lengths first, so no two different inputs make the same text
        key.append(label).append(' ').append(value == null ? -1 : value.length()).append(' ').append(value).append('\n');
    }

    /** A jar by path, size and time; a folder (another module's classes) by content. */
    private static String classpathElement(Path element) {
        if (!Files.exists(element)) {
            return element + " missing";
        }
        if (Files.isDirectory(element)) {
            StringBuilder folder = new StringBuilder(element.toString());
            for (Path file : InputFingerprint.files(element)) {
                folder.append(' ').append(element.relativize(file)).append(' ').append(sha256(file));
            }
            return folder.toString();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(element, BasicFileAttributes.class);
            return element + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the attributes of " + element, e);
        }
    }

    private static String sha256(Path file) {
        return InputFingerprint.contentHash(file);
    }
}
