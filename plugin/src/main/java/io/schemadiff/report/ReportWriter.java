package io.schemadiff.report;

import io.schemadiff.core.SchemaException;
import io.schemadiff.pipeline.Comparison;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code diff.json}, {@code diff.md} and the JUnit XML report into one folder. */
public final class ReportWriter {

    public static final String JSON = "diff.json";
    public static final String MARKDOWN = "diff.md";

    private final Path directory;
    private final String generator;

    public ReportWriter(Path directory, String generator) {
        this.directory = directory;
        this.generator = generator;
    }

    /** @return the files written, in a stable order */
    public List<Path> write(Comparison comparison) {
        List<Path> written = new ArrayList<>();
        written.add(write(JSON, JsonReport.of(comparison, generator)));
        written.add(write(MARKDOWN, MarkdownReport.of(comparison)));
        written.add(write(JUnitReport.FILE_NAME, JUnitReport.of(comparison)));
        return written;
    }

    /** Each report replaces the last one whole: a reader never sees half of one. */
    private Path write(String name, String content) {
        Path file = directory.resolve(name);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + name, ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new SchemaException("Cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }
}
