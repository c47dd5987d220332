package io.schemadiff.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * squawk, the PostgreSQL community's migration linter (npm {@code squawk-cli}), at the version pinned in
 * {@code src/test/resources/squawk/package.json}: installed with npm into {@code target/squawk} on first use.
 */
public final class Squawk {

    private static final Path HOME = Paths.get("target", "squawk").toAbsolutePath();
    private static final Pattern FINDING = Pattern.compile(
            "\"file\":\"([^\"]*)\",\"line\":(\\d+),.*?\"rule_name\":\"([^\"]+)\"");

    /** One warning: the rule, the file and the line (1-based) it points at. */
    public record Finding(String rule, Path file, int line) {
    }

    /** Set to {@code required} (as {@code .ci/run} does) to fail, rather than skip, where npm is missing. */
    public static final String REQUIRED_PROPERTY = "schemadiff.test.squawk";

    private Squawk() {
    }

    /**
     * Whether squawk can be installed here: npm is not part of "a JDK and Maven", so a machine without it
     * skips the lint (saying why) unless {@value #REQUIRED_PROPERTY}{@code =required} makes it a failure.
     */
    public static void assumeAvailable() {
        boolean npm;
        try {
            Process process = new ProcessBuilder("npm", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            npm = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            npm = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            npm = false;
        }
        if (!npm && "required".equals(System.getProperty(REQUIRED_PROPERTY))) {
            throw new IllegalStateException("npm is not on the PATH, and " + REQUIRED_PROPERTY
                    + "=required: squawk (npm squawk-cli) cannot be installed");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(npm, "npm is not on the PATH: squawk (npm squawk-cli) cannot be"
                + " installed, so the lint is not run (set " + REQUIRED_PROPERTY + "=required to make this a failure)");
    }

    /** Lints {@code files} as migrations for PostgreSQL {@code pgVersion} (e.g. {@code 16.4}). */
    public static List<Finding> lint(String pgVersion, List<Path> files) {
        List<String> command = new ArrayList<>(List.of(executable().toString(), "--pg-version", pgVersion,
                "--reporter", "json"));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        String output = run(command, HOME);
        List<Finding> findings = new ArrayList<>();
        Matcher m = FINDING.matcher(output);
        while (m.find()) {
            // squawk counts lines from 0
            findings.add(new Finding(m.group(3), Path.of(m.group(1)), Integer.parseInt(m.group(2)) + 1));
        }
        return findings;
    }

    /** How many findings each rule has. */
    public static Map<String, Integer> count(List<Finding> findings) {
        Map<String, Integer> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.rule(), 1, Integer::sum));
        return counts;
    }

    private static synchronized Path executable() {
        Path squawk = HOME.resolve("node_modules/.bin/squawk");
        if (Files.isExecutable(squawk)) {
            return squawk;
        }
        try (var pinned = Squawk.class.getResourceAsStream("/squawk/package.json")) {
            Files.createDirectories(HOME);
            Files.write(HOME.resolve("package.json"), pinned.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("npm", "install", "--no-audit", "--no-fund", "--no-package-lock"), HOME);
        if (!Files.isExecutable(squawk)) {
            throw new IllegalStateException("npm install did not produce " + squawk);
        }
        return squawk;
    }

    private static String run(List<String> command, Path directory) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            // squawk exits 1 when it found something: that is an answer, not a failure
            if (process.exitValue() > 1) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0) + " (npm and node must be installed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
