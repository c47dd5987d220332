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

    private Squawk() {
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
