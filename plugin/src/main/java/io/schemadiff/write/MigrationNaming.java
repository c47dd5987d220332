package io.schemadiff.write;

import io.schemadiff.config.FlywaySettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.internal.resource.ResourceName;
import org.flywaydb.core.internal.resource.ResourceNameParser;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one project names its SQL migrations, as its Flyway settings say: the versioned prefix, the
 * separator, the suffixes (one per vendor in a multi-vendor folder, e.g. {@code POSTGRESQL.sql}),
 * the repeatable prefix, and the undo prefix when the project names one (undo migrations are a
 * Flyway Teams feature: Flyway Community does not know the {@code U} prefix).
 *
 * @param validated Flyway's {@code validateMigrationNaming}: Flyway then refuses to migrate at all
 *                  when one file it picks up has a name it does not recognise
 */
public record MigrationNaming(String prefix, String separator, List<String> suffixes, String repeatablePrefix,
                             String undoPrefix, boolean validated) {

    /** Flyway's own defaults: {@code V1__description.sql}, {@code R__description.sql}, no undo. */
    public static final MigrationNaming FLYWAY_DEFAULTS = new MigrationNaming("V", "__", List.of(".sql"), "R",
            null, false);

    /** Flyway's baseline migrations take a version too; their prefix is not configurable through the plugin. */
    private static final String BASELINE_PREFIX = "B";
    /** Flyway's parsers, one per naming: building one loads Flyway's plugins. */
    private static final Map<MigrationNaming, ResourceNameParser> PARSERS = new ConcurrentHashMap<>();
    /** What joins a description to a word-like suffix: {@code add_x__POSTGRESQL.sql}. */
    private static final Pattern JOINER = Pattern.compile("[_.-]+$");

    public MigrationNaming {
        suffixes = List.copyOf(suffixes);
    }

    public static MigrationNaming of(FlywaySettings settings) {
        return new MigrationNaming(
                or(settings.sqlMigrationPrefix(), FLYWAY_DEFAULTS.prefix),
                or(settings.sqlMigrationSeparator(), FLYWAY_DEFAULTS.separator),
                settings.sqlMigrationSuffixes() == null || settings.sqlMigrationSuffixes().isEmpty()
                        ? FLYWAY_DEFAULTS.suffixes : settings.sqlMigrationSuffixes(),
                or(settings.repeatableSqlMigrationPrefix(), FLYWAY_DEFAULTS.repeatablePrefix),
                settings.undoSqlMigrationPrefix() == null || settings.undoSqlMigrationPrefix().isBlank()
                        ? null : settings.undoSqlMigrationPrefix(),
                Boolean.TRUE.equals(settings.validateMigrationNaming()));
    }

    private static String or(String value, String otherwise) {
        return value == null || value.isEmpty() ? otherwise : value;
    }

    /** Prefix, separator, suffixes and repeatable prefix are Flyway's defaults. */
    public boolean isDefault() {
        return prefix.equals(FLYWAY_DEFAULTS.prefix) && separator.equals(FLYWAY_DEFAULTS.separator)
                && suffixes.equals(FLYWAY_DEFAULTS.suffixes) && repeatablePrefix.equals(FLYWAY_DEFAULTS.repeatablePrefix);
    }

    /** Whether the project runs undo migrations (it names an undo prefix, so it uses Flyway Teams). */
    public boolean runsUndo() {
        return undoPrefix != null;
    }

    /**
     * The suffix Flyway picks {@code fileName} up by, or empty when it is not one of the project's SQL
     * migrations at all (another vendor's file, a README). Flyway's scanner compares case-sensitively.
     */
    public Optional<String> suffixOf(String fileName) {
        return suffixes.stream().filter(fileName::endsWith).findFirst();
    }

    /**
     * A versioned or baseline migration, or with {@code undo} an undo migration, split into its parts.
     *
     * @param prefix      as written, e.g. {@code V}
     * @param version     as written, e.g. {@code 1_20_0}
     * @param description as written, between the separator and the suffix, e.g. {@code add_x__}
     * @param suffix      the project suffix it ends in, e.g. {@code POSTGRESQL.sql}
     */
    public record Parsed(String prefix, String version, String description, String suffix) {
    }

    /** Versioned ({@code V}) and baseline ({@code B}) migrations: they take versions the next one must exceed. */
    public Optional<Parsed> versioned(String fileName) {
        return parse(fileName, List.of(prefix, BASELINE_PREFIX));
    }

    /** An undo migration named with the undo prefix the project configured; empty when it names none. */
    public Optional<Parsed> undo(String fileName) {
        return undoPrefix == null ? Optional.empty() : parse(fileName, List.of(undoPrefix));
    }

    private Optional<Parsed> parse(String fileName, List<String> prefixes) {
        Optional<String> suffix = suffixOf(fileName);
        if (suffix.isEmpty()) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, fileName.length() - suffix.get().length());
        for (String candidate : prefixes) {
            Matcher m = Pattern.compile("^" + Pattern.quote(candidate) + "([0-9][0-9._]*?)" + Pattern.quote(separator)
                    + "(.*)$", Pattern.DOTALL).matcher(stem);
            if (m.matches() && !m.group(1).endsWith(".") && !m.group(1).endsWith("_")) {
                return Optional.of(new Parsed(candidate, m.group(1), m.group(2), suffix.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Why Flyway would refuse {@code fileName} with {@code validateMigrationNaming} on, in Flyway's own
     * words; empty when it accepts it, or does not pick the file up. Flyway's parser is asked, so the
     * verdict is the one of the Flyway that replays the migrations.
     */
    public Optional<String> flywayRefusal(String fileName) {
        if (suffixOf(fileName).isEmpty() || isCallback(fileName) || undo(fileName).isPresent()) {
            return Optional.empty();
        }
        ResourceName parsed = parser().parse(fileName);
        return parsed.isValid() ? Optional.empty() : Optional.of(parsed.getValidityMessage());
    }

    /** Callbacks ({@code beforeMigrate.sql}, {@code afterEachMigrate__x.sql}) are files Flyway never judges by name. */
    private static boolean isCallback(String fileName) {
        return Arrays.stream(Event.values()).anyMatch(event -> fileName.startsWith(event.getId()));
    }

    private ResourceNameParser parser() {
        return PARSERS.computeIfAbsent(this, naming -> new ResourceNameParser(Flyway.configure(
                        MigrationNaming.class.getClassLoader())
                .sqlMigrationPrefix(prefix)
                .sqlMigrationSeparator(separator)
                .sqlMigrationSuffixes(suffixes.toArray(String[]::new))
                .repeatableSqlMigrationPrefix(repeatablePrefix)));
    }

    /**
     * A file name in the folder's own pattern: {@code description} ends where the suffix starts, joined
     * to a word-like suffix the way the folder's files join it ({@code add_x__POSTGRESQL.sql}).
     *
     * @param joiner what the folder puts between description and suffix, e.g. {@code __}; may be empty
     */
    public String fileName(String filePrefix, String version, String description, String joiner, String suffix) {
        return filePrefix + version + separator + description + joiner + suffix;
    }

    /**
     * What {@code existing}'s name puts between its description and a suffix that starts with a letter
     * or digit ({@code create_x__POSTGRESQL.sql} → {@code __}); nothing for {@code .sql}.
     */
    static String joiner(Parsed existing) {
        if (existing.suffix().isEmpty() || !Character.isLetterOrDigit(existing.suffix().charAt(0))) {
            return "";
        }
        Matcher m = JOINER.matcher(existing.description());
        return m.find() ? m.group() : "";
    }

    /** Flyway's rule for a versioned file, for messages: {@code V<version>__<description>.sql}. */
    public String rule() {
        return prefix + "<version>" + separator + "<description>" + String.join(" or ", suffixes);
    }
}
