package io.schemadiff.schema;

/** A free-standing sequence (identity and serial sequences belong to their column and are not listed). */
public record Sequence(QualifiedName name, String dataType, long start, long increment, long minValue, long maxValue,
                       long cache, boolean cycle) {

    /** The settings a migration controls; names are part of the key already. */
    public boolean sameDefinitionAs(Sequence other) {
        return dataType.equals(other.dataType) && start == other.start && increment == other.increment
                && minValue == other.minValue && maxValue == other.maxValue && cache == other.cache
                && cycle == other.cycle;
    }
}
