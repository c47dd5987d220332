package io.schemadiff.testing;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A folder nobody can write to, root included: root ignores permissions, so for root the folder is made
 * immutable ({@code chattr +i}); anyone else loses the write permission. {@link #undo()} gives it back.
 */
public record ReadOnlyFolder(Path folder, boolean immutable) {

    public static ReadOnlyFolder make(Path folder) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run("chattr", "+i", folder.toString());
        } else {
            folder.toFile().setWritable(false, false);
        }
        return new ReadOnlyFolder(folder, root);
    }

    public void undo() throws IOException, InterruptedException {
        if (immutable) {
            run("chattr", "-i", folder.toString());
        } else {
            folder.toFile().setWritable(true, true);
        }
    }

    /** Runs {@code command}, which must succeed. */
    public static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, process.waitFor(), String.join(" ", command));
    }
}
