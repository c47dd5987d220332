package io.schemadiff.reference;

import io.schemadiff.config.FlywaySettings;
import io.schemadiff.core.SchemaException;
import org.flywaydb.core.api.migration.JavaMigration;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A project's migrations as Flyway would find them, with the project's Flyway settings.
 *
 * <p>A {@code classpath:} location that is a folder of the project's resources is read from that
 * folder, not from its copy in {@code target/classes}: the checks, the lock and {@code generate}
 * work on the files the developer edits, and a migration written a moment ago counts before the
 * next {@code process-resources}. The Java migrations compiled into such a location are handed to
 * Flyway explicitly. Any other {@code classpath:} location (a dependency's jar, generated resources)
 * is scanned by Flyway itself through the project's class loader, Java migrations included.
 *
 * @param settings       the merged Flyway settings (placeholders, table, schemas, prefixes, …)
 * @param locations      Flyway locations to replay, in order
 * @param folders        the project folders among them: checked for naming problems and locked
 * @param javaMigrations Java migrations compiled in the project, for folders read from the sources
 * @param classLoader    loads classpath locations and Java migrations
 * @param writableFolder where a generated migration goes: the first location that is a project folder
 */
public record FlywayProject(FlywaySettings settings, List<String> locations, List<Path> folders,
                            List<JavaMigration> javaMigrations, ClassLoader classLoader, Path writableFolder) {

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    public FlywayProject {
        locations = List.copyOf(locations);
        folders = List.copyOf(folders);
        javaMigrations = List.copyOf(javaMigrations);
    }

    /** Plain folders of SQL files with Flyway's defaults: what tests and simple projects have. */
    public static FlywayProject ofFolders(List<Path> folders) {
        List<String> locations = folders.stream().map(f -> FILESYSTEM + f.toAbsolutePath()).toList();
        return new FlywayProject(FlywaySettings.EMPTY, locations, folders, List.of(),
                FlywayProject.class.getClassLoader(), folders.isEmpty() ? null : folders.get(0));
    }

    /**
     * @param baseDirectory  the project folder, against which relative folders resolve
     * @param resourceRoots  the project's resource folders, e.g. {@code src/main/resources}
     * @param classesDirectory the compiled classes, searched for Java migrations
     * @param vendor         what {@code {vendor}} in a location stands for, as in Spring Boot: {@code postgresql}, {@code mariadb}
     */
    public static FlywayProject resolve(FlywaySettings settings, Path baseDirectory, List<Path> resourceRoots,
                                        Path classesDirectory, ClassLoader classLoader, String vendor) {
        List<String> locations = new ArrayList<>();
        Set<Path> folders = new LinkedHashSet<>();
        // one folder, once, however many ways it is named: a POM that declares src/main/resources twice
        // (Spring Boot's parent does, filtered and not), a classpath: and a filesystem: location of one folder
        Set<Path> realFolders = new LinkedHashSet<>();
        List<String> javaPackages = new ArrayList<>();
        for (String location : settings.resolvedLocations(vendor)) {
            if (location.startsWith(FILESYSTEM)) {
                Path folder = baseDirectory.resolve(location.substring(FILESYSTEM.length())).toAbsolutePath().normalize();
                if (realFolders.add(realPath(folder))) {
                    folders.add(folder);
                    locations.add(FILESYSTEM + folder);
                }
            } else if (location.startsWith(CLASSPATH)) {
                String path = location.substring(CLASSPATH.length()).replaceAll("^/+", "").replaceAll("/+$", "");
                List<Path> sources = resourceRoots.stream().map(root -> baseDirectory.resolve(root).resolve(path))
                        .filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize()).toList();
                if (sources.isEmpty() || path.contains("*")) {
                    locations.add(location);
                } else {
                    sources.forEach(source -> {
                        if (realFolders.add(realPath(source))) {
                            folders.add(source);
                            locations.add(FILESYSTEM + source);
                        }
                    });
                    javaPackages.add(path.replace('/', '.'));
                }
            } else {
                throw new SchemaException("The Flyway location " + location
                        + " is neither filesystem: nor classpath:, which are the ones the plugin can replay.");
            }
        }
        Path writable = settings.firstFilesystemFolder(baseDirectory, resourceRoots, vendor);
        ClassLoader loader = classLoader != null ? classLoader : FlywayProject.class.getClassLoader();
        return new FlywayProject(settings, locations, new ArrayList<>(folders),
                classLoader == null ? List.of() : javaMigrations(classesDirectory, javaPackages, loader), loader, writable);
    }

    /** The folder with links resolved, so two spellings of one folder compare equal; as given when it is missing. */
    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder;
        }
    }

    /** The locations as a message can name them: folders under {@code baseDirectory} relative to it. */
    public String describe(Path baseDirectory) {
        List<String> shown = new ArrayList<>();
        for (String location : locations) {
            if (location.startsWith(FILESYSTEM) && baseDirectory != null) {
                Path folder = Path.of(location.substring(FILESYSTEM.length()));
                shown.add(folder.startsWith(baseDirectory) ? baseDirectory.relativize(folder).toString() : folder.toString());
            } else {
                shown.add(location);
            }
        }
        if (!javaMigrations.isEmpty()) {
            shown.add(javaMigrations.size() + " Java migration(s)");
        }
        return String.join(", ", shown);
    }

    /** Instances of the project's own Java migrations in {@code packages} (not in sub-packages, as Flyway). */
    private static List<JavaMigration> javaMigrations(Path classesDirectory, List<String> packages,
                                                      ClassLoader classLoader) {
        if (packages.isEmpty() || classesDirectory == null || !Files.isDirectory(classesDirectory)) {
            return List.of();
        }
        List<JavaMigration> migrations = new ArrayList<>();
        for (String packageName : packages) {
            Path folder = classesDirectory.resolve(packageName.replace('.', '/'));
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<String> classNames;
            try (var files = Files.list(folder)) {
                classNames = files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".class") && !n.contains("$"))
                        .map(n -> (packageName.isEmpty() ? "" : packageName + ".") + n.substring(0, n.length() - 6))
                        .sorted().toList();
            } catch (IOException e) {
                throw new SchemaException("Cannot list the Java migrations in " + folder + ": " + e.getMessage(), e);
            }
            for (String className : classNames) {
                Class<?> type = load(className, classLoader);
                if (JavaMigration.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())
                        && Modifier.isPublic(type.getModifiers())) {
                    migrations.add(instantiate(type));
                }
            }
        }
        return migrations;
    }

    private static Class<?> load(String className, ClassLoader classLoader) {
        try {
            return Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SchemaException("Cannot load " + className + " from the Flyway location: " + e, e);
        }
    }

    private static JavaMigration instantiate(Class<?> type) {
        try {
            return (JavaMigration) type.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new SchemaException("Cannot create the Java migration " + type.getName()
                    + ": it needs a public no-argument constructor (" + e + ")", e);
        } catch (InvocationTargetException e) {
            throw new SchemaException("The constructor of the Java migration " + type.getName() + " failed: "
                    + e.getCause(), e.getCause());
        }
    }
}
