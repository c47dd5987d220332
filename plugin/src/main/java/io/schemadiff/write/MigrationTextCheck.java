package io.schemadiff.write;

import io.schemadiff.core.FolderFiles;
import io.schemadiff.core.SchemaException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of each SQL migration, before any runs: a file Flyway cannot decode fails with its line
 * (Flyway itself says only that it cannot compute a checksum), and an empty one, which Flyway records as
 * applied although it changes nothing (usually an editor that never saved), is named as such.
 */
public final class MigrationTextCheck {

    private MigrationTextCheck() {
    }

    /** @param encoding Flyway's {@code encoding}, {@code null} for its default, UTF-8 */
    public static List<MigrationFolderCheck.Problem> check(Path folder, String encoding) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        List<MigrationFolderCheck.Problem> problems = new ArrayList<>();
        try {
            for (Path file : FolderFiles.regularFiles(folder)) {
                if (!file.getFileName().toString().endsWith(".sql")) {
                    continue;
                }
                String shown = folder.relativize(file).toString();
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // deleted since the listing (another build, an editor): not a migration of this build
                    continue;
                }
                int bad = firstUndecodable(bytes, charset);
                if (bad >= 0) {
                    problems.add(new MigrationFolderCheck.Problem(true, shown + " line " + line(bytes, bad)
                            + " is not valid " + charset.name() + " (the migrations' encoding" + (encoding == null
                            ? ", Flyway's default" : "") + "): save the file as " + charset.name()
                            + ", or set Flyway's encoding to the one it is written in."));
                } else if (new String(bytes, charset).isBlank()) {
                    problems.add(new MigrationFolderCheck.Problem(false, shown + " is empty: Flyway records it as "
                            + "applied, and it changes nothing. Write its SQL, or delete it if it was never released."));
                }
            }
        } catch (IOException e) {
            throw new SchemaException("Cannot read the migrations folder " + folder + ": " + e.getMessage(), e);
        }
        return problems;
    }

    /** The offset of the first byte {@code charset} cannot decode, or -1. */
    private static int firstUndecodable(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    private static int line(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
