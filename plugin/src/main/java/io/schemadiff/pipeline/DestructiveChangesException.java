package io.schemadiff.pipeline;

import io.schemadiff.core.SchemaException;
import io.schemadiff.diff.SafetyLint;

import java.util.List;
import java.util.stream.Collectors;

/** The policy {@code schema.destructive=fail} refused changes that lose data; nothing was written. */
public final class DestructiveChangesException extends SchemaException {

    public DestructiveChangesException(String what, List<SafetyLint.Finding> destructive) {
        super(what + " " + destructive.size() + (destructive.size() == 1 ? " change loses" : " changes lose")
                + " data, and schema.destructive=fail:\n" + describe(destructive)
                + "\nWrite this migration by hand (e.g. copy the data first), or run with -Dschema.destructive=warn.");
    }

    static String describe(List<SafetyLint.Finding> findings) {
        return findings.stream().map(f -> "  - " + SchemaPipeline.subjectLabel(f.change()) + ": " + f.change().describe()
                        + " (" + String.join("; ", f.reasons()) + ")")
                .collect(Collectors.joining("\n"));
    }
}
