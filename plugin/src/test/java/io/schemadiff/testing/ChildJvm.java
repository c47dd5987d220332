package io.schemadiff.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real, separate JVM running a main class of the test classpath, for tests that kill builds. Its temporary
 * folder is the test's own (so what it leaves there is the test's to see), except zonky's extracted
 * PostgreSQL binaries, which are shared with this JVM rather than extracted again.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code mainClass} with {@code args}; stdout and stderr go to {@code output}. */
    public static ChildJvm start(Path tmpdir, Path output, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + tmpdir,
                "-Dot.epg.working-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"),
                mainClass.getName()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(tmpdir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            return new ChildJvm(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code condition} holds; fails, with the child's output, if the child exits or time runs out. */
    public void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("The child exited (" + process.exitValue() + ") before " + what + ":\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No " + what + " within " + timeout.toSeconds() + " s:\n" + output());
            }
            Thread.sleep(100);
        }
    }

    /** {@code kill -9}: no shutdown hook runs. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return exitCode(Duration.ofSeconds(30));
    }

    /** SIGTERM, as CI runners and {@code docker stop} send: shutdown hooks run. */
    public int terminate() throws InterruptedException {
        process.destroy();
        return exitCode(Duration.ofSeconds(60));
    }

    /** The exit code once it ends by itself. */
    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("The child did not end within " + timeout.toSeconds() + " s:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
