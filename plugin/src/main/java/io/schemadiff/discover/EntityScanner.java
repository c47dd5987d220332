package io.schemadiff.discover;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import io.schemadiff.core.SchemaException;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds the mapped classes of a project with ClassGraph, reading class files only (nothing is
 * loaded or initialised).
 *
 * <p>Only what can hold the model is scanned: the project's own classes, and the jars and folders
 * of the classpath that hold a package of the model or a class listed by name (a jar's directory
 * says so without reading a class file). Mapped classes outside the model packages are reported
 * from the project's own classes only: third-party jars are not the project's to register.
 */
public final class EntityScanner {

    static final String ENTITY = "jakarta.persistence.Entity";
    private static final List<String> MAPPED = List.of(ENTITY, "jakarta.persistence.Embeddable",
            "jakarta.persistence.MappedSuperclass");
    private static final String CONVERTER = "jakarta.persistence.Converter";
    /** Libraries never hold the project's model; skipping them keeps the scan fast. */
    private static final String[] LIBRARY_PACKAGES = {"java", "javax", "jakarta", "org.hibernate", "org.jboss",
            "org.apache", "org.springframework", "org.flywaydb", "org.postgresql", "com.fasterxml", "net.bytebuddy"};

    /**
     * @param classesDirectory the project's own compiled classes ({@code target/classes})
     * @param classpath        further class folders and jars (the compile classpath), may be empty
     * @param patterns         packages whose mapped classes form the model
     * @param explicitClasses  classes that belong to the model wherever they are
     */
    public DiscoveredModel scan(Path classesDirectory, List<Path> classpath, List<PackagePattern> patterns,
                                Collection<String> explicitClasses) {
        Map<String, String> listed = new LinkedHashMap<>();
        explicitClasses.forEach(name -> listed.put(name, "<classes> (schema.classes)"));
        return scan(classesDirectory, classpath, patterns, listed);
    }

    /**
     * {@link #scan(Path, List, List, Collection)} for classes listed in several places.
     *
     * @param explicitClasses classes that belong to the model wherever they are, each with where it is
     *                        listed ({@code <class> in …/persistence.xml line 7}), for messages
     */
    public DiscoveredModel scan(Path classesDirectory, List<Path> classpath, List<PackagePattern> patterns,
                                Map<String, String> explicitClasses) {
        List<Path> searched = new ArrayList<>();
        boolean ownClasses = classesDirectory != null && Files.isDirectory(classesDirectory);
        if (ownClasses) {
            searched.add(classesDirectory);
        }
        ModelLocations locations = new ModelLocations(patterns, explicitClasses.keySet());
        for (Path element : classpath) {
            if (Files.exists(element) && !element.equals(classesDirectory) && locations.mayHoldModel(element)) {
                searched.add(element);
            }
        }
        Set<String> model = new TreeSet<>();
        Set<String> entities = new TreeSet<>();
        Set<String> unregistered = new TreeSet<>();
        Set<String> wanted = new TreeSet<>(explicitClasses.keySet());
        Map<String, Integer> majors = new java.util.HashMap<>();
        if (searched.isEmpty()) {
            return new DiscoveredModel(List.of(), List.of(), List.of(), searched, Map.of());
        }
        try (ScanResult scan = new ClassGraph()
                .overrideClasspath(searched.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)))
                .enableAnnotationInfo()
                .ignoreClassVisibility()
                .rejectPackages(LIBRARY_PACKAGES)
                .scan()) {
            for (String annotation : MAPPED) {
                for (ClassInfo info : scan.getClassesWithAnnotation(annotation)) {
                    String name = info.getName();
                    if (wanted.contains(name) || inModel(info.getPackageName(), patterns)) {
                        model.add(name);
                        majors.put(name, info.getClassfileMajorVersion());
                        if (annotation.equals(ENTITY)) {
                            entities.add(name);
                        }
                    } else if (ownClasses && sameFile(classesDirectory, info.getClasspathElementFile())) {
                        unregistered.add(name);
                    }
                }
            }
            // auto-applied converters change column types, so Hibernate must see them too
            for (ClassInfo info : scan.getClassesWithAnnotation(CONVERTER)) {
                if (wanted.contains(info.getName()) || inModel(info.getPackageName(), patterns)) {
                    model.add(info.getName());
                    majors.put(info.getName(), info.getClassfileMajorVersion());
                }
            }
            Set<String> missing = new TreeSet<>(wanted);
            missing.removeAll(model);
            for (String name : missing) {
                ClassInfo info = scan.getClassInfo(name);
                if (info == null) {
                    throw new SchemaException("Class " + name + " listed in " + explicitClasses.get(name) + " was not found in "
                            + describe(searched) + ".");
                }
                throw new SchemaException("Class " + name + " listed in " + explicitClasses.get(name) + " is not annotated with "
                        + "@Entity, @Embeddable, @MappedSuperclass or @Converter.");
            }
        }
        return new DiscoveredModel(new ArrayList<>(model), new ArrayList<>(entities), new ArrayList<>(unregistered),
                searched, majors);
    }

    private static boolean sameFile(Path path, File file) {
        try {
            return file != null && Files.isSameFile(path, file.toPath());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean inModel(String packageName, List<PackagePattern> patterns) {
        return patterns.stream().anyMatch(p -> p.matches(packageName));
    }

    /**
     * What was searched, short enough to read: the folders (the project's own classes, a reactor's
     * modules) by name, relative to {@code baseDirectory} when inside it, and the jars as a count.
     */
    public static String summarize(List<Path> searched, Path baseDirectory) {
        if (searched.isEmpty()) {
            return "no folder";
        }
        List<String> folders = searched.stream().filter(java.nio.file.Files::isDirectory)
                .map(p -> baseDirectory != null && p.toAbsolutePath().startsWith(baseDirectory.toAbsolutePath())
                        ? baseDirectory.toAbsolutePath().relativize(p.toAbsolutePath()).toString() : p.toString())
                .toList();
        long jars = searched.stream().filter(p -> !java.nio.file.Files.isDirectory(p)).count();
        String shown = folders.isEmpty() ? "no class folder" : String.join(", ", folders);
        return jars == 0 ? shown : shown + " and " + jars + " jar(s) of the classpath";
    }

    public static String describe(List<Path> searched) {
        return searched.isEmpty() ? "no folder" : searched.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
