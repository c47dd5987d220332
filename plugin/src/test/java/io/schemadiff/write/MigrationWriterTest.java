package io.schemadiff.write;

import io.schemadiff.core.SchemaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MigrationWriterTest {

    private static final String SQL = "-- V2__add_phone_to_accounts.sql\nalter table accounts add column phone varchar(20);\n";

    @TempDir
    Path dir;

    private final MigrationWriter writer = new MigrationWriter();

    private List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheContentAndReturnsTheFile() throws IOException {
        Path file = dir.resolve("V2__add_phone_to_accounts.sql");

        Path written = writer.write(file, SQL);

        assertEquals(file, written);
        assertEquals(SQL, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of("V2__add_phone_to_accounts.sql"), namesIn(dir), "no temporary file is left behind");
    }

    @Test
    void writesUtf8() throws IOException {
        Path file = dir.resolve("V1__init.sql");
        String content = "comment on table café is 'prix en €, ß, 日本';\n";

        writer.write(file, content);

        assertEquals(content, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    @Test
    void createsMissingParentFolders() throws IOException {
        Path file = dir.resolve("src/main/resources/db/migration/V1__init.sql");

        writer.write(file, SQL);

        assertEquals(SQL, Files.readString(file));
        assertEquals(List.of("V1__init.sql"), namesIn(file.getParent()));
    }

    @Test
    void refusesToOverwriteAnExistingFileAndLeavesItUntouched() throws IOException {
        Path file = dir.resolve("V2__add_phone_to_accounts.sql");
        Files.writeString(file, "-- hand written, do not lose\n");

        SchemaException e = assertThrows(SchemaException.class, () -> writer.write(file, SQL));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals("-- hand written, do not lose\n", Files.readString(file));
        assertEquals(List.of("V2__add_phone_to_accounts.sql"), namesIn(dir), "no temporary file is left behind");
    }

    @Test
    void refusesToReplaceAFileWrittenByAnEarlierCall() throws IOException {
        Path file = dir.resolve("V3__x.sql");
        writer.write(file, "select 1;\n");

        assertThrows(SchemaException.class, () -> writer.write(file, "select 2;\n"));

        assertEquals("select 1;\n", Files.readString(file));
        assertEquals(List.of("V3__x.sql"), namesIn(dir));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t\n"})
    void refusesBlankContentWithoutCreatingAnything(String content) throws IOException {
        Path file = dir.resolve("db/V1__empty.sql");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.write(file, content));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertFalse(Files.exists(file));
        assertEquals(List.of(), namesIn(dir), "neither the file nor its folder nor a temporary file");
    }

    @Test
    void theFileGetsTheSamePermissionsAsAnyOtherNewFileInTheFolder() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path sibling = Files.writeString(dir.resolve("V1__hand_written.sql"), "select 1;\n");
        Path file = dir.resolve("V2__generated.sql");

        writer.write(file, SQL);

        // a migration is a source file: it must not end up private to its writer (the temporary file's 0600)
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(sibling)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void writesSeveralFilesSideBySide() throws IOException {
        writer.write(dir.resolve("V1__a.sql"), "select 1;\n");
        writer.write(dir.resolve("V2__b.sql"), "select 2;\n");

        assertEquals(List.of("V1__a.sql", "V2__b.sql"), namesIn(dir));
    }

    @Test
    void aSetOfFilesIsWrittenWholeOrNotAtAll() throws IOException {
        Files.writeString(dir.resolve("U2__b.sql"), "-- someone else's\n");
        java.util.Map<Path, String> files = new java.util.LinkedHashMap<>();
        files.put(dir.resolve("V2__b.sql"), SQL);
        files.put(dir.resolve("U2__b.sql"), "drop table accounts;\n");

        SchemaException e = assertThrows(SchemaException.class, () -> new MigrationWriter().writeAll(files));

        assertTrue(e.getMessage().contains("U2__b.sql"), e.getMessage());
        assertEquals(List.of("U2__b.sql"), namesIn(dir), "the migration is taken back, the other file untouched");
        assertEquals("-- someone else's\n", Files.readString(dir.resolve("U2__b.sql")));

        files.remove(dir.resolve("U2__b.sql"));
        files.put(dir.resolve("U3__c.sql"), "select 3;\n");
        assertEquals(List.of(dir.resolve("V2__b.sql"), dir.resolve("U3__c.sql")), new MigrationWriter().writeAll(files));
        assertEquals(List.of("U2__b.sql", "U3__c.sql", "V2__b.sql"), namesIn(dir));
    }
}
