package io.schemadiff.discover;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the scan found.
 *
 * @param classes      mapped classes to hand to Hibernate: entities, embeddables, mapped
 *                     superclasses and auto-applied converters, by fully-qualified name
 * @param entities     the {@code @Entity} classes among them
 * @param unregistered mapped classes found outside the configured packages, never modelled
 * @param searched     the class folders and jars that were searched
 * @param classFileMajors the class file major version of each of {@code classes}, as the scan read it
 *                     (a class compiled for a newer Java than Maven's is named before Hibernate trips on it)
 */
public record DiscoveredModel(List<String> classes, List<String> entities, List<String> unregistered,
                              List<Path> searched, Map<String, Integer> classFileMajors) {

    public DiscoveredModel {
        classFileMajors = Map.copyOf(classFileMajors);
        classes = List.copyOf(classes);
        entities = List.copyOf(entities);
        unregistered = List.copyOf(unregistered);
        searched = List.copyOf(searched);
    }
}
