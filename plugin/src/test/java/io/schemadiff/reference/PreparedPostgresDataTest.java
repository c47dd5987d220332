package io.schemadiff.reference;

import io.schemadiff.core.Console;
import io.schemadiff.testing.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data folder initdb makes once and every embedded PostgreSQL starts from a copy of; in a temporary folder of
 * this test's own, so that the machine's prepared folder is neither used nor touched.
 */
class PreparedPostgresDataTest {

    @TempDir
    Path tmp;

    @Test
    void theFirstStartPreparesTheFolderLaterStartsCopyItAndADamagedOneIsMadeAgain() throws Exception {
        String previous = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try {
            assertFalse(Files.exists(prepared()));

            String first;
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, Console.SILENT)) {
                first = server.version();
            }
            Path prepared = prepared();
            assertTrue(Files.isRegularFile(prepared.resolve("PG_VERSION")), "initdb's folder is kept");
            assertFalse(Files.exists(prepared.resolve("epg-lock")), "without the lock of the server it was made for");
            assertFalse(Files.exists(prepared.resolve("postmaster.pid")), "and untouched by a running server");
            long modified = Files.getLastModifiedTime(prepared.resolve("PG_VERSION")).toMillis();

            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, Console.SILENT)) {
                assertEquals(first, server.version());
                String name = ScratchDatabases.name("model");
                Jdbc.execute(server.createDatabase(name), "create table t (id int primary key)");
                assertEquals(List.of(), Files.list(prepared.resolve("base")).filter(p -> !isInitdbDatabase(p)).toList(),
                        "a server's databases go to its copy, not to the prepared folder");
            }
            assertEquals(modified, Files.getLastModifiedTime(prepared.resolve("PG_VERSION")).toMillis(), "reused");

            // what a cleaner of old temporary files may leave: the folder without its control file
            Files.delete(prepared.resolve("global/pg_control"));
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, Console.SILENT)) {
                assertEquals(first, server.version());
            }
            assertTrue(Files.isRegularFile(prepared.resolve("global/pg_control")), "prepared again");
            assertEquals(List.of(), dataFolders(), "every server's copy is deleted when it stops");
        } finally {
            System.setProperty("java.io.tmpdir", previous);
        }
    }

    /** {@code schemadiff-postgres-<user>/<binaries jar>-<size>/data}: one, for the one (default) binaries. */
    private Path prepared() throws IOException {
        String user = System.getProperty("user.name").replaceAll("[^A-Za-z0-9_.-]", "_");
        Path cache = tmp.resolve("schemadiff-postgres-" + user);
        if (!Files.isDirectory(cache)) {
            return cache.resolve("none-yet");
        }
        try (Stream<Path> binaries = Files.list(cache)) {
            List<Path> folders = binaries.filter(Files::isDirectory).toList();
            assertEquals(1, folders.size(), folders::toString);
            return folders.get(0).resolve("data");
        }
    }

    private static boolean isInitdbDatabase(Path folder) {
        // template1, template0 and postgres: initdb's three databases have small oids
        return Long.parseLong(folder.getFileName().toString()) < 16384;
    }

    private List<Path> dataFolders() throws IOException {
        try (Stream<Path> folders = Files.list(tmp)) {
            return folders.filter(p -> p.getFileName().toString().startsWith("schemadiff-postgres-data-")).toList();
        }
    }
}
