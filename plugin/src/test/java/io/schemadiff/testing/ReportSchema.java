package io.schemadiff.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.schemadiff.pipeline.Comparison;
import io.schemadiff.report.JsonReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** diff.json, checked against the schema the plugin documents for it. */
public final class ReportSchema {

    private static JsonSchema schema;

    private ReportSchema() {
    }

    private static synchronized JsonSchema schema() {
        if (schema == null) {
            try (InputStream in = JsonReport.class.getResourceAsStream("diff-report.schema.json")) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }

    /** The report of {@code comparison}, failing the test when it does not match its documented schema. */
    public static JsonNode validJson(Comparison comparison) {
        String json = JsonReport.of(comparison, "schema-maven-plugin test");
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            Set<ValidationMessage> errors = schema().validate(node);
            assertEquals(Set.of(), errors, () -> "diff.json does not match its documented schema:\n" + json);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
