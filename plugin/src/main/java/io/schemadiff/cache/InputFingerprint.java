package io.schemadiff.cache;

import io.schemadiff.core.FolderFiles;
import io.schemadiff.config.ApplicationProperties;
import io.schemadiff.config.PersistenceXml;
import io.schemadiff.discover.PackagePattern;
import io.schemadiff.pipeline.PipelineSettings;
import io.schemadiff.pipeline.ProjectMigrations;
import io.schemadiff.reference.FlywayProject;
import io.schemadiff.reference.ServerConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A SHA-256 of everything a verdict depends on, so a stored one is reused only for the same inputs:
 * <ul>
 *   <li>the project's classes that can shape the model, by content: those in the model packages or
 *       listed in {@code classes}, every class that names JPA, Hibernate or Flyway (entities outside
 *       the packages, converters, naming strategies, Java migrations), and the project classes these
 *       refer to (enums, value types, superclasses); a controller edit leaves it unchanged;</li>
 *   <li>the compiled configuration resources beside them, by content;</li>
 *   <li>the rest of the classpath (dependency jars, other modules' class folders) by path, size and
 *       modification time: an upgraded jar changes at least one;</li>
 *   <li>the migrations, every file of every migration folder by content (Java migrations are among
 *       the classes above), the Spring Boot files, {@code persistence.xml}, {@code flyway.conf} files, the lock file and the
 *       templates folder, by content;</li>
 *   <li>every setting of {@link PipelineSettings} and the goal's own (plugin version, server version),
 *       never a password: the connection counts by URL and user only.</li>
 * </ul>
 * Times never stand for content where content is cheap to read, so a rebuild that writes the same
 * classes keeps the fingerprint.
 */
public final class InputFingerprint {

    /** Byte strings whose presence in a class file means it may take part in mapping or migrating. */
    private static final List<String> MARKERS = List.of("jakarta/persistence/", "javax/persistence/",
            "org/hibernate/", "org/flywaydb/");
    private static final Set<String> RESOURCE_EXTENSIONS = Set.of("properties", "yml", "yaml", "xml", "sql", "conf");

    /** Separates the whole fingerprint from that of the model's classes alone, which ends it. */
    private static final char CLASSES_PART = '/';

    private final MessageDigest digest;
    /** The model's classes alone: which input changed tells a build what it will need (a server). */
    private final MessageDigest classes;

    private InputFingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
            classes = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /**
     * @param goalInputs what the goal adds that is not in {@code settings}, e.g. the plugin version and the
     *                   embedded server's version
     * @throws UncheckedIOException when an input cannot be read (then nothing can be reused)
     */
    public static String of(PipelineSettings settings, Map<String, String> goalInputs) {
        InputFingerprint fingerprint = new InputFingerprint();
        new TreeMap<>(goalInputs).forEach((key, value) -> fingerprint.add("goal", key + "=" + value));
        fingerprint.settings(settings);
        fingerprint.projectClasses(settings);
        for (Path element : settings.classpath()) {
            fingerprint.byTimes("classpath", element);
        }
        ApplicationProperties application = ApplicationProperties.load(settings.applicationConfigurationFolders(),
                settings.profiles());
        for (Path file : application.files()) {
            fingerprint.byContent("application", file);
        }
        for (Path folder : settings.applicationConfigurationFolders()) {
            fingerprint.byContent("persistence.xml", folder.resolve(PersistenceXml.FILE));
        }
        for (Path conf : settings.flywayConfFiles()) {
            fingerprint.byContent("flyway.conf", conf);
        }
        FlywayProject migrations = ProjectMigrations.resolve(settings, application, new ArrayList<>());
        fingerprint.add("locations", String.join(",", migrations.locations()));
        for (Path folder : migrations.folders()) {
            fingerprint.byContent("migrations", folder);
        }
        fingerprint.byContent("lock", settings.lockFile());
        fingerprint.byContent("templates", settings.templatesDirectory());
        return HexFormat.of().formatHex(fingerprint.digest.digest()) + CLASSES_PART
                + HexFormat.of().formatHex(fingerprint.classes.digest(), 0, 16);
    }

    /**
     * Whether two fingerprints of {@link #of} differ in the model's classes (an entity edited, added or
     * removed), not only elsewhere (a migration, a setting, a jar).
     */
    public static boolean classesDiffer(String one, String other) {
        int a = one.lastIndexOf(CLASSES_PART);
        int b = other.lastIndexOf(CLASSES_PART);
        return a < 0 || b < 0 || !one.substring(a).equals(other.substring(b));
    }

    private void settings(PipelineSettings s) {
        add("dialect", s.dialect().id());
        add("mariadbVersion", s.dialect().id().equals("mariadb") ? s.mariadbVersion() : "");
        add("postgresMajor", s.postgresMajorSet() ? String.valueOf(s.postgresMajor()) : "");
        add("classesDirectory", String.valueOf(s.classesDirectory()));
        add("packages", String.join(",", s.packages()));
        add("classes", String.join(",", s.classes()));
        add("migrationsDirectory", String.valueOf(s.migrationsDirectory()));
        add("hibernateProperties", new TreeMap<>(s.hibernateProperties()).toString());
        add("templatesDirectory", String.valueOf(s.templatesDirectory()));
        add("message", String.valueOf(s.message()));
        add("generator", s.generator());
        add("verify", String.valueOf(s.verify()));
        add("exclude", String.join(",", s.exclude()));
        add("unregistered", s.unregistered().name());
        add("lockFile", String.valueOf(s.lockFile()));
        add("destructive", s.destructive().name());
        add("undo", String.valueOf(s.undo()));
        add("backfill", String.valueOf(s.backfill()));
        add("concurrentIndexes", String.valueOf(s.concurrentIndexes()));
        add("renames", String.join(",", s.renames()));
        add("versionScheme", s.versionScheme().name());
        add("reference", s.reference().name());
        ServerConnection connection = s.connection();
        // the URL and user name the server; the password is left out, never hashed into a file
        add("connection", connection == null ? "" : connection.toString());
        add("resourceDirectories", s.resourceDirectories().toString());
        add("baseDirectory", String.valueOf(s.baseDirectory()));
        add("locations", String.join(",", s.locations()));
        add("placeholders", new TreeMap<>(s.placeholders()).toString());
        TreeMap<String, String> flyway = new TreeMap<>(s.flywayPluginConfiguration());
        flyway.keySet().removeIf(key -> key.toLowerCase(Locale.ROOT).contains("password"));
        add("flywayPluginConfiguration", flyway.toString());
        add("flywayConfFiles", s.flywayConfFiles().toString());
        add("profiles", String.join(",", s.profiles()));
    }

    /** The classes that can shape the model, and the project classes they refer to, by content. */
    private void projectClasses(PipelineSettings settings) {
        Path root = settings.classesDirectory();
        if (root == null || !Files.isDirectory(root)) {
            add("classes", "none");
            return;
        }
        Map<String, Path> classFiles = new TreeMap<>();
        for (Path file : files(root)) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            if (relative.endsWith(".class")) {
                classFiles.put(relative.substring(0, relative.length() - ".class".length()), file);
            } else if (RESOURCE_EXTENSIONS.contains(extension(relative))) {
                byContent("resource " + relative, file);
            }
        }
        List<PackagePattern> patterns = settings.packages().stream().map(PackagePattern::of).toList();
        Map<String, Boolean> modelPackages = new java.util.HashMap<>();
        Set<String> explicit = new TreeSet<>(settings.classes());
        Map<String, byte[]> contents = new TreeMap<>();
        Map<String, List<String>> strings = new java.util.HashMap<>();
        Deque<String> pending = new ArrayDeque<>();
        for (Map.Entry<String, Path> entry : classFiles.entrySet()) {
            String name = entry.getKey();
            byte[] bytes = read(entry.getValue());
            List<String> constants = ClassFileStrings.of(bytes);
            String className = name.replace('/', '.');
            int dollar = className.indexOf('$');
            String outer = dollar < 0 ? className : className.substring(0, dollar);
            String packageName = className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : "";
            if (explicit.contains(outer)
                    || modelPackages.computeIfAbsent(packageName, p -> patterns.stream().anyMatch(pattern -> pattern.matches(p)))
                    || constants.stream().anyMatch(text -> MARKERS.stream().anyMatch(text::contains))) {
                contents.put(name, bytes);
                strings.put(name, constants);
                pending.add(name);
            }
        }
        while (!pending.isEmpty()) {
            for (String text : strings.get(pending.poll())) {
                ClassFileStrings.classNames(text, candidate -> {
                    if (!contents.containsKey(candidate) && classFiles.containsKey(candidate)) {
                        byte[] bytes = read(classFiles.get(candidate));
                        contents.put(candidate, bytes);
                        strings.put(candidate, ClassFileStrings.of(bytes));
                        pending.add(candidate);
                    }
                });
            }
        }
        contents.forEach((name, bytes) -> {
            String hash = HexFormat.of().formatHex(sha256(bytes));
            add("class " + name, hash);
            classes.update((name + " " + hash + "\n").getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A file or folder by size and modification time: for jars, whose content is large and changes as a whole. */
    private void byTimes(String label, Path element) {
        if (!Files.exists(element)) {
            add(label, element + " missing");
            return;
        }
        List<Path> files = Files.isDirectory(element) ? files(element) : List.of(element);
        for (Path file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                add(label, file + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the attributes of " + file, e);
            }
        }
    }

    /** A file, or every file of a folder, by content; a missing one counts as missing. */
    private void byContent(String label, Path element) {
        if (element == null || !Files.exists(element)) {
            add(label, element + " missing");
            return;
        }
        List<Path> files = Files.isDirectory(element) ? files(element) : List.of(element);
        for (Path file : files) {
            add(label, file + " " + contentHash(file));
        }
    }

    private void add(String label, String value) {
        digest.update((label + "\u0000" + value + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Every regular file under {@code folder}, in a stable order. */
    static List<Path> files(Path folder) {
        try {
            return FolderFiles.regularFiles(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    /** The file's SHA-256 in hex, or {@code deleted} when it went away since it was listed (another build's). */
    static String contentHash(Path file) {
        try {
            return HexFormat.of().formatHex(sha256(Files.readAllBytes(file)));
        } catch (java.nio.file.NoSuchFileException e) {
            return "deleted";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
