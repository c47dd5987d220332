package io.schemadiff.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one of the application's own configuration files tells Hibernate: properties that shape the
 * schema, mapped classes it lists (each with where it is listed), and one line for the log on what
 * was read from which file.
 */
public record ApplicationHibernate(Map<String, String> properties, Map<String, String> classes, List<String> notes) {

    /** Nothing read. */
    public static final ApplicationHibernate NONE = new ApplicationHibernate(Map.of(), Map.of(), List.of());

    public ApplicationHibernate {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        notes = List.copyOf(notes);
    }
}
