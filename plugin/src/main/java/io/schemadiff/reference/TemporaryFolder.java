package io.schemadiff.reference;

import io.schemadiff.core.SchemaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The folder the embedded servers unpack their binaries into and keep their data in ({@code java.io.tmpdir}).
 * A folder that is not writable, or a {@code noexec} mount, would otherwise fail deep inside a server's start
 * with a message about {@code initdb} or {@code mariadbd}; this check names the folder and the setting that
 * moves it before anything starts. Once per folder and JVM: it costs one tiny process.
 */
public final class TemporaryFolder {

    private static final Set<Path> USABLE = new HashSet<>();

    private TemporaryFolder() {
    }

    /** Fails, naming {@code java.io.tmpdir} and how to move it, when {@code product}'s server cannot run there. */
    public static void requireUsable(String product) {
        requireUsable(Path.of(System.getProperty("java.io.tmpdir")), product);
    }

    static synchronized void requireUsable(Path folder, String product) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (USABLE.contains(absolute)) {
            return;
        }
        Path probe;
        try {
            probe = Files.createTempDirectory(absolute, "schemadiff-probe-");
        } catch (IOException | SecurityException e) {
            throw new SchemaException("The temporary folder " + absolute + " is not writable (" + e.getMessage()
                    + "): the embedded " + product + " unpacks its binaries and keeps its data there. " + move(), e);
        }
        try {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
                runProbe(probe, absolute, product);
            }
        } finally {
            ServerRegistry.deleteRecursively(probe);
        }
        USABLE.add(absolute);
    }

    /** A two-line shell script in the folder, run: a {@code noexec} mount refuses it as the servers' binaries. */
    private static void runProbe(Path probe, Path folder, String product) {
        Path script = probe.resolve("probe.sh");
        try {
            Files.writeString(script, "#!/bin/sh\nexit 0\n");
            if (!script.toFile().setExecutable(true, true)) {
                throw new IOException("cannot mark " + script + " executable");
            }
            Process process = new ProcessBuilder(script.toString()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("a two-line script did not finish in 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("a two-line script exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new SchemaException("Programs cannot run from the temporary folder " + folder + " (" + e.getMessage()
                    + "; is it mounted noexec?): the embedded " + product + " runs its binaries from there. " + move(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaException("Interrupted while checking the temporary folder " + folder, e);
        }
    }

    private static String move() {
        return "Point java.io.tmpdir at a folder that is writable and allows running programs, e.g. "
                + "MAVEN_OPTS=\"-Djava.io.tmpdir=$HOME/.cache/tmp\", or compare on a server of your own "
                + "(-Dschema.reference=server -Dschema.url=...).";
    }
}
