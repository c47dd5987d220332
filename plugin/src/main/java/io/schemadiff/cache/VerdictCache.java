package io.schemadiff.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last verdict of a project, kept in its report folder ({@code target/schema/verdict.cache}, so
 * {@code mvn clean} forgets it) with the {@link InputFingerprint} it was reached for.
 *
 * <p>The file is trusted only whole: it ends with a SHA-256 of everything before it, and it names
 * its format and the plugin version that wrote it. A file that is truncated, corrupt, of another
 * format or plugin version, or for other inputs is ignored (the reason goes to the debug log) and
 * replaced by the next comparison's.
 */
public final class VerdictCache {

    public static final String FILE_NAME = "verdict.cache";
    private static final String MAGIC = "schemadiff-verdict";
    /** Raise when the layout below changes: older files then read as foreign. */
    private static final int FORMAT = 1;
    private static final int DIGEST_LENGTH = 32;

    private final Path file;
    private final String pluginVersion;
    private final String fingerprint;

    /**
     * @param directory     the report folder
     * @param pluginVersion the version of the plugin writing and reading the file
     * @param fingerprint   the inputs' fingerprint a stored verdict must have been reached for
     */
    public VerdictCache(Path directory, String pluginVersion, String fingerprint) {
        this.file = directory.resolve(FILE_NAME);
        this.pluginVersion = pluginVersion;
        this.fingerprint = fingerprint;
    }

    public Path file() {
        return file;
    }

    /** The stored verdict, when the file is whole, ours and for the same inputs. */
    public Lookup load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Lookup.miss("no verdict stored yet");
        } catch (IOException e) {
            return Lookup.miss("cannot read " + file + ": " + e.getMessage());
        }
        if (bytes.length <= DIGEST_LENGTH) {
            return Lookup.miss(file + " is truncated");
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - DIGEST_LENGTH);
        if (!MessageDigest.isEqual(InputFingerprint.sha256(body), Arrays.copyOfRange(bytes, body.length, bytes.length))) {
            return Lookup.miss(file + " is corrupt (its checksum does not match)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            if (!MAGIC.equals(readString(in)) || in.readInt() != FORMAT) {
                return Lookup.miss(file + " is not a verdict cache of this format");
            }
            String writtenBy = readString(in);
            if (!writtenBy.equals(pluginVersion)) {
                return Lookup.miss(file + " was written by plugin version " + writtenBy);
            }
            String stored = readString(in);
            if (!stored.equals(fingerprint)) {
                return new Lookup(Optional.empty(), "the inputs changed since the stored verdict",
                        InputFingerprint.classesDiffer(stored, fingerprint));
            }
            boolean inSync = in.readBoolean();
            int entities = in.readInt();
            List<String> warnings = readStrings(in);
            int lineCount = count(in);
            List<Verdict.Line> lines = new ArrayList<>();
            for (int i = 0; i < lineCount; i++) {
                lines.add(new Verdict.Line(in.readBoolean(), readString(in)));
            }
            String difference = readNullable(in);
            String destructive = readNullable(in);
            int fileCount = count(in);
            Map<String, String> files = new LinkedHashMap<>();
            for (int i = 0; i < fileCount; i++) {
                files.put(readString(in), readString(in));
            }
            if (in.available() != 0) {
                return Lookup.miss(file + " has trailing bytes");
            }
            return new Lookup(Optional.of(new Verdict(inSync, entities, warnings, lines, difference, destructive,
                    files)), null, false);
        } catch (IOException | RuntimeException e) {
            return Lookup.miss(file + " cannot be read back: " + e);
        }
    }

    /** Replaces the stored verdict whole (a reader never sees half a file). */
    public void store(Verdict verdict) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            writeString(out, MAGIC);
            out.writeInt(FORMAT);
            writeString(out, pluginVersion);
            writeString(out, fingerprint);
            out.writeBoolean(verdict.inSync());
            out.writeInt(verdict.entities());
            writeStrings(out, verdict.warnings());
            out.writeInt(verdict.lines().size());
            for (Verdict.Line line : verdict.lines()) {
                out.writeBoolean(line.warning());
                writeString(out, line.text());
            }
            writeNullable(out, verdict.difference());
            writeNullable(out, verdict.destructive());
            out.writeInt(verdict.files().size());
            for (Map.Entry<String, String> entry : verdict.files().entrySet()) {
                writeString(out, entry.getKey());
                writeString(out, entry.getValue());
            }
        }
        byte[] body = buffer.toByteArray();
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "." + FILE_NAME, ".tmp");
        try {
            Files.write(temporary, body);
            Files.write(temporary, InputFingerprint.sha256(body), java.nio.file.StandardOpenOption.APPEND);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Forgets the stored verdict: for runs whose outcome must not be replayed. */
    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * A stored verdict, or why there is none.
     *
     * @param classesChanged the verdict was stored for other model classes (an entity edited since)
     */
    public record Lookup(Optional<Verdict> verdict, String missReason, boolean classesChanged) {
        static Lookup miss(String reason) {
            return new Lookup(Optional.empty(), reason, false);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a string of " + length + " bytes where " + in.available() + " are left");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** A count read back can be no larger than the bytes left: a corrupt one must not allocate wildly. */
    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IOException("a count of " + count + " where " + in.available() + " bytes are left");
        }
        return count;
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writeString(out, value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = count(in);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(readString(in));
        }
        return values;
    }
}
