package io.schemadiff.reference;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * zonky unpacks PostgreSQL's binaries into {@code PG-<MD5 of the archive>} of its working folder, and so reads and
 * digests the whole archive (14 MB) in every JVM just to find that folder again: about 0.2 s of a core in every
 * build that starts a server. Once zonky has unpacked them, the folder is linked under the digest of a short
 * stand-in (the jar's name and size), and zonky is given the stand-in instead of the archive. The working folder
 * is the plugin's own, per user and binaries jar, so nobody else's folder is taken for the binaries. Where a link
 * cannot be made (Windows without the right), zonky reads the archive as before.
 */
final class UnpackedBinaries {

    /** One resolver per folder zonky is sent to: it unpacks (or digests) once per resolver it has not seen. */
    private static final Map<String, PgBinaryResolver> RESOLVERS = new ConcurrentHashMap<>();

    private final Path jar;
    private final Path workingFolder;
    private final byte[] standIn;

    /**
     * @param jar           the binaries jar
     * @param workingFolder zonky's working folder for it, where it unpacks
     */
    UnpackedBinaries(Path jar, Path workingFolder) throws IOException {
        this.jar = jar.toAbsolutePath().normalize();
        this.workingFolder = workingFolder;
        this.standIn = ("schemadiff stand-in for " + this.jar.getFileName() + " of " + Files.size(jar) + " bytes")
                .getBytes(StandardCharsets.UTF_8);
    }

    Path workingFolder() {
        return workingFolder;
    }

    /** The stand-in when its folder holds the unpacked binaries, else the archive itself. */
    PgBinaryResolver resolver(Archive archive) {
        Path linked = workingFolder.resolve("PG-" + md5(standIn));
        if (isUnpacked(linked)) {
            return RESOLVERS.computeIfAbsent("stand-in " + linked,
                    key -> (system, architecture) -> new ByteArrayInputStream(standIn));
        }
        return RESOLVERS.computeIfAbsent("archive " + jar + " " + workingFolder,
                key -> (system, architecture) -> archive.open(jar, system, architecture));
    }

    /** The archive in a binaries jar for a system and architecture, as zonky names them. */
    interface Archive {
        InputStream open(Path jar, String system, String architecture) throws IOException;
    }

    /**
     * After zonky unpacked the archive: links its folder under the stand-in's digest (once; the archive is read
     * and digested here, as zonky did). Best effort: without the link, the next build reads the archive.
     */
    void link(Archive archive, String system, String architecture) {
        Path linked = workingFolder.resolve("PG-" + md5(standIn));
        if (isUnpacked(linked)) {
            return;
        }
        try {
            String digest;
            try (DigestInputStream in = new DigestInputStream(archive.open(jar, system, architecture),
                    MessageDigest.getInstance("MD5"))) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                digest = HexFormat.of().formatHex(in.getMessageDigest().digest());
            }
            Path unpacked = workingFolder.resolve("PG-" + digest);
            if (!isUnpacked(unpacked)) {
                return;
            }
            Path partial = workingFolder.resolve("PG-" + md5(standIn) + ".partial-" + ProcessHandle.current().pid());
            Files.deleteIfExists(partial);
            Files.createSymbolicLink(partial, unpacked.getFileName());
            try {
                Files.move(partial, linked, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException | NoSuchAlgorithmException e) {
            // zonky reads the archive in the next build too
        }
    }

    /** What zonky leaves once it unpacked everything: its marker and the binaries. */
    private static boolean isUnpacked(Path folder) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Files.isRegularFile(folder.resolve(".exists"))
                && Files.isRegularFile(folder.resolve("bin").resolve(windows ? "pg_ctl.exe" : "pg_ctl"));
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
