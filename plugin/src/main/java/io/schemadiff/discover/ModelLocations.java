package io.schemadiff.discover;

import io.schemadiff.core.SchemaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Whether a classpath element can hold the model: it has a class in a model package, or a class
 * listed by name. Decided from entry names (a jar's central directory, a folder's file names), so
 * the 180 jars of a Spring Boot application that hold no model are never scanned.
 */
final class ModelLocations {

    private final List<PackagePattern> patterns;
    private final Set<String> classFiles = new TreeSet<>();
    /** Whether a package is in the model, per package: a jar has many classes in few packages. */
    private final Map<String, Boolean> packages = new HashMap<>();

    ModelLocations(List<PackagePattern> patterns, Collection<String> explicitClasses) {
        this.patterns = patterns;
        explicitClasses.forEach(name -> classFiles.add(name.replace('.', '/') + ".class"));
    }

    boolean mayHoldModel(Path element) {
        if (Files.isDirectory(element)) {
            try (Stream<Path> files = Files.walk(element)) {
                return files.filter(Files::isRegularFile)
                        .anyMatch(file -> holdsModel(element.relativize(file).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new SchemaException("Cannot list the classpath folder " + element + ": " + e.getMessage(), e);
            }
        }
        try (ZipFile jar = new ZipFile(element.toFile())) {
            Enumeration<? extends ZipEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                if (holdsModel(entries.nextElement().getName())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            // not a jar ClassGraph could read either (a POM, a native library): nothing of the model
            return false;
        }
    }

    private boolean holdsModel(String entry) {
        if (!entry.endsWith(".class")) {
            return false;
        }
        if (classFiles.contains(entry)) {
            return true;
        }
        int slash = entry.lastIndexOf('/');
        String packageName = slash < 0 ? "" : entry.substring(0, slash).replace('/', '.');
        return packages.computeIfAbsent(packageName, name -> patterns.stream().anyMatch(p -> p.matches(name)));
    }
}
