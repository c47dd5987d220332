package io.schemadiff.report;

import io.schemadiff.pipeline.Comparison;
import io.schemadiff.schema.QualifiedName;

import java.util.SortedSet;
import java.util.TreeSet;

/** The tables a comparison looked at: every table of the model and of the migrations. */
final class Tables {

    private Tables() {
    }

    static SortedSet<QualifiedName> checked(Comparison comparison) {
        SortedSet<QualifiedName> tables = new TreeSet<>(comparison.modelSchema().tables().keySet());
        tables.addAll(comparison.referenceSchema().tables().keySet());
        return tables;
    }
}
