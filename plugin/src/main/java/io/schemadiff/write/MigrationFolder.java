package io.schemadiff.write;

import io.schemadiff.core.FolderFiles;
import io.schemadiff.core.SchemaException;
import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The versioned migrations already in a folder (and its sub-folders), and the version that comes next. */
public final class MigrationFolder {

    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)$");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Versions this long are timestamps, and the next one is "now". */
    private static final int TIMESTAMP_DIGITS = 12;

    private final Path folder;
    private final List<Migration> migrations;

    /**
     * A versioned migration file: {@code version} as written, e.g. {@code 1_2} or {@code 007};
     * {@code description} as written between the separator and {@code suffix}. Versions known from
     * elsewhere (Java migrations, jars) have no file, prefix or suffix.
     */
    public record Migration(Path file, String prefix, String version, String description, String suffix) {
        public MigrationVersion flywayVersion() {
            return MigrationVersion.fromVersion(version.replace('_', '.'));
        }

        MigrationNaming.Parsed parsed() {
            return new MigrationNaming.Parsed(prefix, version, description, suffix);
        }
    }

    /**
     * Where the next migration goes and how its name ends, following the folder's own files.
     *
     * @param folder the folder, or the sub-folder all migrations with {@code suffix} live in (a vendor's)
     * @param suffix the suffix of the latest migration, else the project's first
     * @param joiner what the folder puts between a description and a word-like suffix, e.g. {@code __}
     */
    public record Placement(Path folder, String suffix, String joiner) {
    }

    private MigrationFolder(Path folder, List<Migration> migrations) {
        this.folder = folder;
        this.migrations = migrations;
    }

    /** With Flyway's default naming. */
    public static MigrationFolder scan(Path folder) {
        return scan(folder, MigrationNaming.FLYWAY_DEFAULTS);
    }

    /** The versioned migrations Flyway picks up from {@code folder} with the project's {@code naming}. */
    public static MigrationFolder scan(Path folder, MigrationNaming naming) {
        if (!Files.isDirectory(folder)) {
            return new MigrationFolder(folder, List.of());
        }
        try {
            List<Migration> migrations = FolderFiles.regularFiles(folder).stream()
                    .flatMap(file -> naming.versioned(file.getFileName().toString()).stream()
                            .map(p -> new Migration(file, p.prefix(), p.version(), p.description(), p.suffix())))
                    .sorted(Comparator.comparing(Migration::flywayVersion))
                    .toList();
            return new MigrationFolder(folder, migrations);
        } catch (IOException e) {
            throw new SchemaException("Cannot read the migrations folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * The migrations of several folders together (the first is where new ones go), plus versions known
     * from elsewhere, e.g. Java migrations and migrations in jars, as Flyway's history lists them: the
     * next version must come after all of them.
     */
    public static MigrationFolder scan(List<Path> folders, List<String> otherVersions, MigrationNaming naming) {
        List<Migration> all = new java.util.ArrayList<>();
        for (Path folder : folders) {
            all.addAll(scan(folder, naming).migrations());
        }
        java.util.Set<MigrationVersion> known = new java.util.HashSet<>();
        all.forEach(m -> known.add(m.flywayVersion()));
        for (String version : otherVersions) {
            Migration other = new Migration(null, null, version, "", null);
            if (known.add(other.flywayVersion())) {
                all.add(other);
            }
        }
        all.sort(Comparator.comparing(Migration::flywayVersion));
        return new MigrationFolder(folders.isEmpty() ? null : folders.get(0), List.copyOf(all));
    }

    /**
     * The versioned migration files of {@code folders} that are not in {@code before}: what another build or
     * an editor wrote since {@code before} was listed with {@link #versionedFiles}.
     */
    public static List<Path> appearedSince(Set<Path> before, List<Path> folders, MigrationNaming naming) {
        return versionedFiles(folders, naming).stream().filter(file -> !before.contains(file)).sorted().toList();
    }

    /** The versioned migration files of {@code folders}, as Flyway would pick them up with {@code naming}. */
    public static Set<Path> versionedFiles(List<Path> folders, MigrationNaming naming) {
        Set<Path> files = new java.util.HashSet<>();
        for (Path folder : folders) {
            scan(folder, naming).migrations().forEach(m -> files.add(m.file().toAbsolutePath().normalize()));
        }
        return files;
    }

    public Path folder() {
        return folder;
    }

    public List<Migration> migrations() {
        return migrations;
    }

    public Optional<Migration> latest() {
        return migrations.isEmpty() ? Optional.empty() : Optional.of(migrations.get(migrations.size() - 1));
    }

    /**
     * Where the next migration goes: beside the latest file of this folder in its suffix, and in the
     * sub-folder that suffix's files live in when they all live in one (a multi-vendor folder's
     * {@code POSTGRESQL/}); else in the folder itself, with the project's first suffix.
     */
    public Placement placement(MigrationNaming naming) {
        List<Migration> own = migrations.stream()
                .filter(m -> m.file() != null && folder != null && m.file().startsWith(folder)).toList();
        if (own.isEmpty()) {
            return new Placement(folder, naming.suffixes().get(0), "");
        }
        Migration latest = own.get(own.size() - 1);
        List<Path> parents = own.stream().filter(m -> m.suffix().equals(latest.suffix()))
                .map(m -> m.file().getParent()).distinct().toList();
        return new Placement(parents.size() == 1 ? parents.get(0) : folder, latest.suffix(),
                MigrationNaming.joiner(latest.parsed()));
    }

    /** How the next version is numbered: as the folder does ({@code AUTO}), or a scheme the team chose. */
    public enum VersionScheme {
        /** Continue the latest version's own scheme. */
        AUTO,
        /** The next whole number above the latest version: {@code 1_2} → {@code 2}. */
        INTEGER,
        /** The current UTC time, {@code yyyyMMddHHmmss}, always above the latest version. */
        TIMESTAMP;

        public static VersionScheme parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("Unknown <versionScheme> (schema.versionScheme) '" + value
                        + "': use auto, integer or timestamp.", e);
            }
        }
    }

    /** The version after the latest, in {@code scheme}. */
    public String nextVersion(Clock clock, VersionScheme scheme) {
        Optional<MigrationVersion> latest = latest().map(Migration::flywayVersion);
        return switch (scheme) {
            case AUTO -> nextVersion(clock);
            case INTEGER -> latest.map(v -> v.getVersion().split("\\.")[0])
                    .map(major -> new java.math.BigInteger(major).add(java.math.BigInteger.ONE).toString()).orElse("1");
            case TIMESTAMP -> {
                String now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(TIMESTAMP);
                // a clock behind the latest version must not go backwards: just above it then
                yield latest.isEmpty() || MigrationVersion.fromVersion(now).compareTo(latest.get()) > 0
                        ? now : nextVersion(clock, VersionScheme.INTEGER);
            }
        };
    }

    /**
     * The version right after {@code version}, in its own scheme: {@code 7} → {@code 8}, {@code 1_2} →
     * {@code 1_3}, {@code 007} → {@code 008}, a timestamp → one more. For a second migration generated
     * together with a first.
     */
    public static String after(String version) {
        if (version.matches("\\d{" + TIMESTAMP_DIGITS + ",}")) {
            return new java.math.BigInteger(version).add(java.math.BigInteger.ONE).toString();
        }
        Matcher m = LAST_NUMBER.matcher(version);
        if (!m.find()) {
            throw new IllegalArgumentException("Not a version that ends in a number: " + version);
        }
        String digits = m.group(1);
        String incremented = new java.math.BigInteger(digits).add(java.math.BigInteger.ONE).toString();
        String padded = incremented.length() < digits.length()
                ? "0".repeat(digits.length() - incremented.length()) + incremented : incremented;
        return version.substring(0, m.start()) + padded;
    }

    /**
     * The version after the latest, in the project's own scheme: {@code 3} → {@code 4},
     * {@code 1_1} → {@code 1_2}, {@code 1.2} → {@code 1.3}, {@code 007} → {@code 008}, and a
     * timestamp version → the current UTC time. An empty folder starts at {@code 1}.
     */
    public String nextVersion(Clock clock) {
        Optional<Migration> latest = latest();
        if (latest.isEmpty()) {
            return "1";
        }
        String version = latest.get().version();
        if (version.matches("\\d{" + TIMESTAMP_DIGITS + ",}")) {
            String now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(TIMESTAMP);
            // keep the scheme's length: yyyyMMddHHmm stays minutes, longer schemes get trailing zeros
            String next = now.length() >= version.length()
                    ? now.substring(0, version.length()) : now + "0".repeat(version.length() - now.length());
            // never go backwards, even with a skewed clock or a longer scheme
            return new java.math.BigInteger(next).compareTo(new java.math.BigInteger(version)) > 0
                    ? next : new java.math.BigInteger(version).add(java.math.BigInteger.ONE).toString();
        }
        if (!LAST_NUMBER.matcher(version).find()) {
            throw new SchemaException("Cannot continue the version scheme of " + latest.get().file()
                    + ": its version '" + version + "' does not end in a number.");
        }
        return after(version);
    }
}
