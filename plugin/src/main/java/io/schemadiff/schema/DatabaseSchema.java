package io.schemadiff.schema;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one database looks like, restricted to the schemas that were read.
 *
 * @param schemas   the namespaces read (e.g. {@code public}, {@code audit})
 * @param tables    ordinary and partitioned tables by name
 * @param sequences free-standing sequences by name
 * @param unmanaged objects that exist in these schemas but that an entity model cannot describe
 *                  (views, functions…), named for reports only
 */
public record DatabaseSchema(
        Set<String> schemas,
        SortedMap<QualifiedName, Table> tables,
        SortedMap<QualifiedName, Sequence> sequences,
        List<String> unmanaged) {

    public DatabaseSchema {
        schemas = Collections.unmodifiableSet(new TreeSet<>(schemas));
        tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
        sequences = Collections.unmodifiableSortedMap(new TreeMap<>(sequences));
        unmanaged = List.copyOf(unmanaged);
    }

    public static DatabaseSchema of(Set<String> schemas, Map<QualifiedName, Table> tables,
                                    Map<QualifiedName, Sequence> sequences) {
        return new DatabaseSchema(schemas, new TreeMap<>(tables), new TreeMap<>(sequences), List.of());
    }
}
