package io.schemadiff.write;

import io.schemadiff.core.FolderFiles;
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

/**
 * The migrations folder's health, before anything runs: versions two branches both took, files
 * Flyway would refuse or silently skip, and (with a lock file) released migrations that were edited
 * or new ones numbered below a released one.
 */
public final class MigrationFolderCheck {

    /** What Flyway Community runs with its default naming: versioned, baseline and repeatable SQL migrations. */
    private static final Pattern VALID = Pattern.compile("^(?:[VB][0-9]+(?:[._][0-9]+)*|R)__.*[^_].*\\.sql$");
    /** Flyway's undo naming, which only Flyway Teams runs. */
    private static final String UNDO_PREFIX = "U";
    private static final Pattern VERSIONED_PREFIX = Pattern.compile("^([VBU])([0-9]+(?:[._][0-9]+)*)(.*)$");
    private static final Pattern LOOKS_LIKE_MIGRATION = Pattern.compile("^(?:[VvBbUu][0-9]|[Rr]__).*");

    /** A problem with one or more files; errors stop the run, warnings are printed. */
    public record Problem(boolean error, String message) {
    }

    private MigrationFolderCheck() {
    }

    public static List<Problem> check(Path folder, Optional<MigrationLock> lock) {
        return check(folder, lock, MigrationNaming.FLYWAY_DEFAULTS, false, null);
    }

    /**
     * @param naming     the project's prefixes, separator and suffixes: only files Flyway picks up with
     *                   them are judged (another vendor's files in a multi-vendor folder are not)
     * @param outOfOrder Flyway's {@code outOfOrder}: new migrations below released ones are warned about
     * @param undoFolder where undo scripts belong when Flyway does not run them, for the hint; may be null
     */
    public static List<Problem> check(Path folder, Optional<MigrationLock> lock, MigrationNaming naming,
                                      boolean outOfOrder, Path undoFolder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try {
            files = FolderFiles.regularFiles(folder);
        } catch (IOException e) {
            throw new SchemaException("Cannot read the migrations folder " + folder + ": " + e.getMessage(), e);
        }
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            Optional<Problem> undo = undoScript(folder, file, naming, undoFolder);
            if (undo.isPresent()) {
                problems.add(undo.get());
            } else if (naming.undo(file.getFileName().toString()).isEmpty()) {
                misnamed(folder, file, naming).ifPresent(problems::add);
            }
        }
        MigrationFolder scanned = MigrationFolder.scan(folder, naming);
        problems.addAll(duplicates(folder, scanned, naming));
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

    /**
     * An undo script ({@code U<version>__…}) in a project that names no undo prefix: Flyway Community
     * skips it, and with {@code validateMigrationNaming} refuses to migrate at all.
     */
    private static Optional<Problem> undoScript(Path folder, Path file, MigrationNaming naming, Path undoFolder) {
        String name = file.getFileName().toString();
        if (naming.runsUndo() || naming.suffixOf(name).isEmpty()
                || !Pattern.compile("^" + UNDO_PREFIX + "[0-9][0-9._]*" + Pattern.quote(naming.separator()) + ".*")
                .matcher(name).matches()) {
            return Optional.empty();
        }
        String shown = folder.relativize(file).toString();
        String move = undoFolder == null ? "out of the Flyway locations"
                : "to " + undoFolder + " (where schema:generate writes undo scripts)";
        if (naming.validated()) {
            return Optional.of(new Problem(true, shown + ": Flyway refuses to migrate at all while it is here: "
                    + "validateMigrationNaming is on and Flyway Community says '"
                    + naming.flywayRefusal(name).orElse("Unrecognised migration name format: " + name)
                    + "' (undo migrations run only on Flyway Teams, configured with undoSqlMigrationPrefix). Move it "
                    + move + "."));
        }
        return Optional.of(new Problem(false, shown + " is an undo script: Flyway Community skips it, and refuses to "
                + "migrate while it is here once validateMigrationNaming is on. Move it " + move + "."));
    }

    private static Optional<Problem> misnamed(Path folder, Path file, MigrationNaming naming) {
        String name = file.getFileName().toString();
        String shown = folder.relativize(file).toString();
        String refuses = naming.validated()
                ? ": Flyway refuses to migrate at all while it is here (validateMigrationNaming is on): "
                : ": Flyway would not run it: ";
        if (name.endsWith(".conf")) {
            // Flyway's script configuration (executeInTransaction=false): as good as the script it configures
            String script = name.substring(0, name.length() - ".conf".length());
            if (naming.isDefault() ? VALID.matcher(script).matches() : naming.flywayRefusal(script).isEmpty()) {
                return Optional.empty();
            }
        }
        if (!naming.isDefault()) {
            // the project's own names: Flyway's parser judges them, in its own words
            return naming.flywayRefusal(name).map(why -> new Problem(true, shown + refuses + why
                    + " (the project's migrations are named " + naming.rule() + ")."));
        }
        if (VALID.matcher(name).matches()) {
            return Optional.empty();
        }
        if (name.endsWith(".sql")) {
            return Optional.of(new Problem(true, shown + refuses + whatIsWrong(name)));
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

    private static List<Problem> duplicates(Path folder, MigrationFolder scanned, MigrationNaming naming) {
        Map<String, List<MigrationFolder.Migration>> byVersion = new LinkedHashMap<>();
        for (MigrationFolder.Migration migration : scanned.migrations()) {
            byVersion.computeIfAbsent(migration.prefix() + migration.flywayVersion(), k -> new ArrayList<>())
                    .add(migration);
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
                    + "branch added, e.g. " + lastName + " -> "
                    + naming.fileName(last.prefix(), next, last.description(), "", last.suffix())
                    + " (the next free version)."));
        }
        return problems;
    }
}
