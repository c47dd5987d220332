package io.schemadiff.reference;

import io.schemadiff.core.SchemaException;
import io.schemadiff.testing.ReadOnlyFolder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded servers' temporary folder is checked before anything starts, on real folders and mounts. */
class TemporaryFolderTest {

    @TempDir
    Path dir;

    @Test
    void aWritableFolderThatRunsProgramsPassesAndKeepsNothing() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("usable"));
        TemporaryFolder.requireUsable(folder, "PostgreSQL");
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(0, left.count(), "the probe is deleted again");
        }
    }

    @Test
    void aFolderNobodyMayWriteToIsNamedWithTheSettingThatMovesIt() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("read-only"));
        ReadOnlyFolder readOnly = ReadOnlyFolder.make(folder);
        try {
            SchemaException e = assertThrows(SchemaException.class,
                    () -> TemporaryFolder.requireUsable(folder, "PostgreSQL"));
            assertTrue(e.getMessage().startsWith("The temporary folder " + folder + " is not writable"), e.getMessage());
            assertTrue(e.getMessage().contains("the embedded PostgreSQL unpacks its binaries"), e.getMessage());
            assertTrue(e.getMessage().contains("Point java.io.tmpdir at a folder"), e.getMessage());
        } finally {
            readOnly.undo();
        }
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aNoexecMountIsNamedWithTheSettingThatMovesIt() throws Exception {
        // only root can mount a tmpfs here; CI runs as root
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "mounting a noexec tmpfs needs root");
        Path folder = Files.createDirectory(dir.resolve("noexec"));
        ReadOnlyFolder.run("mount", "-t", "tmpfs", "-o", "noexec,size=1m", "tmpfs", folder.toString());
        try {
            SchemaException e = assertThrows(SchemaException.class,
                    () -> TemporaryFolder.requireUsable(folder, "MariaDB"));
            assertTrue(e.getMessage().startsWith("Programs cannot run from the temporary folder " + folder), e.getMessage());
            assertTrue(e.getMessage().contains("is it mounted noexec?"), e.getMessage());
            assertTrue(e.getMessage().contains("the embedded MariaDB runs its binaries from there"), e.getMessage());
            assertTrue(e.getMessage().contains("-Djava.io.tmpdir="), e.getMessage());
            try (Stream<Path> left = Files.list(folder)) {
                assertEquals(0, left.count(), "the probe is deleted again");
            }
        } finally {
            ReadOnlyFolder.run("umount", folder.toString());
        }
    }
}
