package io.schemadiff.write;

import io.schemadiff.core.SchemaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migrations folder's health, before anything runs: versions two branches both took, files
 * Flyway would refuse or silently skip, and (with a lock file) released migrations that were edited
 * or new ones numbered below a released one.
 */
public final class MigrationFolderCheck {

    /** What Flyway runs: versioned, baseline, undo and repeatable SQL migrations. */
    private static final Pattern VALID = Pattern.compile("^(?:[VBU][0-9]+(?:[._][0-9]+)*|R)__.*[^_].*\\.sql$");
    private static final Pattern VERSIONED_PREFIX = Pattern.compile("^([VBU])([0-9]+(?:[._][0-9]+)*)(.*)$");
    private static final Pattern LOOKS_LIKE_MIGRATION = Pattern.compile("^(?:[VvBbUu][0-9]|[Rr]__).*");

    /** A problem with one or more files; errors stop the run, warnings are printed. */
    public record Problem(boolean error, String message) {
    }

    private MigrationFolderCheck() {
    }

    public static List<Problem> check(Path folder, Optional<MigrationLock> lock) {
        return check(folder, lock, true, false);
    }

    /**
     * @param flywayDefaultNaming whether the project uses Flyway's {@code V}/{@code R}/{@code __}/{@code .sql}
     *                            names; with its own, files are not judged by Flyway's
     * @param outOfOrder          Flyway's {@code outOfOrder}: new migrations below released ones are warned about
     */
    public static List<Problem> check(Path folder, Optional<MigrationLock> lock, boolean flywayDefaultNaming,
                                      boolean outOfOrder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new SchemaException("Cannot read the migrations folder " + folder + ": " + e.getMessage(), e);
        }
        List<Problem> problems = new ArrayList<>();
        if (flywayDefaultNaming) {
            for (Path file : files) {
                misnamed(folder, file).ifPresent(problems::add);
            }
        }
        MigrationFolder scanned = MigrationFolder.scan(folder);
        problems.addAll(duplicates(folder, scanned));
        lock.ifPresent(l -> problems.addAll(l.verify(folder, scanned, outOfOrder)));
        return problems;
    }

    /** Fails with every error at once (so one build shows them all), after printing the warnings. */
    public static void enforce(List<Problem> problems, java.util.function.Consumer<String> warn) {
        problems.stream().filter(p -> !p.error()).forEach(p -> warn.accept(p.message()));
        List<String> errors = problems.stream().filter(Problem::error).map(Problem::message).toList();
        if (!errors.isEmpty()) {
            throw new SchemaException("The migrations folder needs attention before it can be compared:\n  "
                    + String.join("\n  ", errors));
        }
    }

    private static Optional<Problem> misnamed(Path folder, Path file) {
        String name = file.getFileName().toString();
        String shown = folder.relativize(file).toString();
        if (VALID.matcher(name).matches()) {
            return Optional.empty();
        }
        if (name.endsWith(".conf") && VALID.matcher(name.substring(0, name.length() - ".conf".length())).matches()) {
            return Optional.empty(); // Flyway's script configuration, e.g. executeInTransaction=false
        }
        if (name.endsWith(".sql")) {
            return Optional.of(new Problem(true, shown + ": Flyway would not run it: " + whatIsWrong(name)));
        }
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (LOOKS_LIKE_MIGRATION.matcher(stem).matches() && stem.contains("_")) {
            return Optional.of(new Problem(false, shown + " looks like a migration, but Flyway ignores it: "
                    + "only files ending in .sql run" + (name.toLowerCase().endsWith(".sql")
                    ? " (the suffix is case-sensitive): rename it to " + stem + ".sql" : "") + "."));
        }
        return Optional.empty();
    }

    private static String whatIsWrong(String name) {
        String stem = name.substring(0, name.length() - ".sql".length());
        char first = stem.isEmpty() ? ' ' : stem.charAt(0);
        if ("vbur".indexOf(first) >= 0) {
            return "the prefix is case-sensitive; rename it to " + Character.toUpperCase(first) + name.substring(1) + ".";
        }
        Matcher versioned = VERSIONED_PREFIX.matcher(stem);
        if (versioned.matches()) {
            String rest = versioned.group(3);
            if (rest.isEmpty() || rest.equals("__")) {
                return "it has no description; name it " + versioned.group(1) + versioned.group(2) + "__<description>.sql.";
            }
            if (rest.startsWith("_") && !rest.startsWith("__")) {
                return "the version and the description are separated by one underscore, Flyway needs two; rename it to "
                        + versioned.group(1) + versioned.group(2) + "_" + rest + ".sql.";
            }
            if (rest.startsWith("-") || rest.startsWith(".")) {
                return "the version and the description must be separated by two underscores; rename it to "
                        + versioned.group(1) + versioned.group(2) + "__" + rest.substring(1) + ".sql.";
            }
            return "the version " + versioned.group(2) + rest.split("_")[0]
                    + " is not made of numbers separated by . or _.";
        }
        return "it has no V<version>__ (or R__) prefix; name it V<next>__" + stem + ".sql.";
    }

    private static List<Problem> duplicates(Path folder, MigrationFolder scanned) {
        Map<String, List<MigrationFolder.Migration>> byVersion = new LinkedHashMap<>();
        for (MigrationFolder.Migration migration : scanned.migrations()) {
            String prefix = migration.file().getFileName().toString().substring(0, 1);
            byVersion.computeIfAbsent(prefix + migration.flywayVersion(), k -> new ArrayList<>()).add(migration);
        }
        String next = scanned.nextVersion(java.time.Clock.systemUTC());
        List<Problem> problems = new ArrayList<>();
        for (List<MigrationFolder.Migration> same : byVersion.values()) {
            if (same.size() < 2) {
                continue;
            }
            List<MigrationFolder.Migration> sorted = same.stream()
                    .sorted(Comparator.comparing(m -> m.file().toString())).toList();
            MigrationFolder.Migration last = sorted.get(sorted.size() - 1);
            String lastName = last.file().getFileName().toString();
            problems.add(new Problem(true, sorted.size() + " migrations have version " + last.flywayVersion() + ": "
                    + String.join(", ", sorted.stream().map(m -> folder.relativize(m.file()).toString()).toList())
                    + " (did two branches both add it?). Flyway refuses to run any of them. Renumber the one your "
                    + "branch added, e.g. " + lastName + " -> " + lastName.charAt(0) + next + "__" + last.description()
                    + ".sql (the next free version)."));
        }
        return problems;
    }
}
