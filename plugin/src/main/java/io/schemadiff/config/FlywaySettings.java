package io.schemadiff.config;

import io.schemadiff.core.SchemaException;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Flyway settings that decide which migrations run and what they do, as one project states
 * them in {@code flyway.conf}, in Spring Boot's {@code spring.flyway.*} or in the
 * flyway-maven-plugin's {@code <configuration>}. Every field may be null, meaning "not set here", so
 * that settings from several sources can be {@linkplain #merge merged}; {@code placeholders} is
 * never null but may be empty.
 *
 * <p>{@code locations} are in Flyway's syntax: {@code classpath:db/migration},
 * {@code filesystem:/abs/path}, or no prefix for the classpath. The readers of {@code flyway.conf}
 * and of the Maven plugin's configuration make relative {@code filesystem:} locations absolute
 * against the project's base directory (Flyway resolves them against the working directory, which
 * for a Maven build is that folder).
 */
public record FlywaySettings(
        List<String> locations,
        Map<String, String> placeholders,
        String placeholderPrefix,
        String placeholderSuffix,
        Boolean placeholderReplacement,
        String table,
        List<String> schemas,
        String defaultSchema,
        String sqlMigrationPrefix,
        String sqlMigrationSeparator,
        List<String> sqlMigrationSuffixes,
        String repeatableSqlMigrationPrefix,
        String baselineVersion,
        Boolean baselineOnMigrate,
        Boolean outOfOrder,
        String encoding,
        String undoSqlMigrationPrefix,
        Boolean validateMigrationNaming) implements java.io.Serializable {

    /** Nothing set. */
    public static final FlywaySettings EMPTY = new FlywaySettings(null, Map.of(), null, null, null, null, null,
            null, null, null, null, null, null, null, null, null);

    /** Flyway's and Spring Boot's location when none is set. */
    public static final String DEFAULT_LOCATION = "classpath:db/migration";

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*", Pattern.DOTALL);
    private static final Pattern VERSION = Pattern.compile("\\d+([._]\\d+)*");
    private static final Set<String> SPRING_TRUE = Set.of("true", "on", "yes", "1");
    private static final Set<String> SPRING_FALSE = Set.of("false", "off", "no", "0");

    public FlywaySettings {
        locations = locations == null ? null : List.copyOf(locations);
        placeholders = placeholders == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(placeholders));
        schemas = schemas == null ? null : List.copyOf(schemas);
        sqlMigrationSuffixes = sqlMigrationSuffixes == null ? null : List.copyOf(sqlMigrationSuffixes);
    }

    /** Settings without an undo prefix or naming validation (Flyway Teams' undo, {@code validateMigrationNaming}). */
    public FlywaySettings(List<String> locations, Map<String, String> placeholders, String placeholderPrefix,
                          String placeholderSuffix, Boolean placeholderReplacement, String table, List<String> schemas,
                          String defaultSchema, String sqlMigrationPrefix, String sqlMigrationSeparator,
                          List<String> sqlMigrationSuffixes, String repeatableSqlMigrationPrefix,
                          String baselineVersion, Boolean baselineOnMigrate, Boolean outOfOrder, String encoding) {
        this(locations, placeholders, placeholderPrefix, placeholderSuffix, placeholderReplacement, table, schemas,
                defaultSchema, sqlMigrationPrefix, sqlMigrationSeparator, sqlMigrationSuffixes,
                repeatableSqlMigrationPrefix, baselineVersion, baselineOnMigrate, outOfOrder, encoding, null, null);
    }

    /** True when no field is set. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    // --- merging ---------------------------------------------------------------------------------

    /**
     * One settings value from several, the first given winning: per field the first non-null value,
     * per placeholder name the first source that has it. Null arguments are skipped.
     */
    public static FlywaySettings merge(FlywaySettings... inOrderOfPrecedence) {
        FlywaySettings merged = EMPTY;
        for (int i = inOrderOfPrecedence.length - 1; i >= 0; i--) {
            FlywaySettings over = inOrderOfPrecedence[i];
            if (over == null) {
                continue;
            }
            Map<String, String> placeholders = new LinkedHashMap<>(merged.placeholders);
            placeholders.putAll(over.placeholders);
            merged = new FlywaySettings(
                    first(over.locations, merged.locations),
                    placeholders,
                    first(over.placeholderPrefix, merged.placeholderPrefix),
                    first(over.placeholderSuffix, merged.placeholderSuffix),
                    first(over.placeholderReplacement, merged.placeholderReplacement),
                    first(over.table, merged.table),
                    first(over.schemas, merged.schemas),
                    first(over.defaultSchema, merged.defaultSchema),
                    first(over.sqlMigrationPrefix, merged.sqlMigrationPrefix),
                    first(over.sqlMigrationSeparator, merged.sqlMigrationSeparator),
                    first(over.sqlMigrationSuffixes, merged.sqlMigrationSuffixes),
                    first(over.repeatableSqlMigrationPrefix, merged.repeatableSqlMigrationPrefix),
                    first(over.baselineVersion, merged.baselineVersion),
                    first(over.baselineOnMigrate, merged.baselineOnMigrate),
                    first(over.outOfOrder, merged.outOfOrder),
                    first(over.encoding, merged.encoding),
                    first(over.undoSqlMigrationPrefix, merged.undoSqlMigrationPrefix),
                    first(over.validateMigrationNaming, merged.validateMigrationNaming));
        }
        return merged;
    }

    private static <T> T first(T preferred, T otherwise) {
        return preferred != null ? preferred : otherwise;
    }

    // --- locations -------------------------------------------------------------------------------

    /**
     * The locations with {@code {vendor}} replaced by {@code vendor} (as Spring Boot does, e.g.
     * {@code postgresql}) and {@code classpath:} added to bare ones; {@value #DEFAULT_LOCATION} when
     * none is set.
     */
    public List<String> resolvedLocations(String vendor) {
        List<String> given = locations == null || locations.isEmpty() ? List.of(DEFAULT_LOCATION) : locations;
        List<String> resolved = new ArrayList<>();
        for (String location : given) {
            String withVendor = vendor == null ? location : location.replace("{vendor}", vendor);
            resolved.add(prefixOf(withVendor) == null ? CLASSPATH + withVendor : withVendor);
        }
        return List.copyOf(resolved);
    }

    /** {@link #firstFilesystemFolder(Path, List, String)} for locations that do not use {@code {vendor}}. */
    public Path firstFilesystemFolder(Path baseDirectory, List<Path> resourceRoots) {
        return firstFilesystemFolder(baseDirectory, resourceRoots, null);
    }

    /**
     * The folder a generated migration should go to: the first location, in order, that is a
     * folder of the project. A {@code filesystem:} location is that folder (a relative one under
     * {@code baseDirectory}); a {@code classpath:x/y} location is {@code x/y} under the first resource
     * root that has it, or else under the first resource root ({@code src/main/resources}).
     * Locations with wildcards are passed over.
     *
     * @throws SchemaException when no location is such a folder
     */
    public Path firstFilesystemFolder(Path baseDirectory, List<Path> resourceRoots, String vendor) {
        List<Path> roots = resourceRoots == null ? List.of() : resourceRoots;
        for (String location : resolvedLocations(vendor)) {
            if (location.contains("*") || location.contains("?")) {
                continue;
            }
            if (location.contains("{vendor}")) {
                throw new SchemaException("The Flyway location " + location
                        + " uses {vendor}: say which database vendor it stands for");
            }
            if (location.startsWith(FILESYSTEM)) {
                return baseDirectory.resolve(location.substring(FILESYSTEM.length())).toAbsolutePath().normalize();
            }
            if (location.startsWith(CLASSPATH) && !roots.isEmpty()) {
                String relative = location.substring(CLASSPATH.length()).replaceAll("^/+", "").replaceAll("/+$", "");
                for (Path root : roots) {
                    Path candidate = baseDirectory.resolve(root).resolve(relative);
                    if (Files.isDirectory(candidate)) {
                        return candidate.toAbsolutePath().normalize();
                    }
                }
                return baseDirectory.resolve(roots.get(0)).resolve(relative).toAbsolutePath().normalize();
            }
        }
        throw new SchemaException("None of the Flyway locations " + resolvedLocations(vendor)
                + " is a folder of the project to write a migration to"
                + (roots.isEmpty() ? " (no resource folder to put a classpath: location in)" : ""));
    }

    // --- readers ---------------------------------------------------------------------------------

    /**
     * Reads Flyway's {@code flyway.conf} (Java properties, UTF-8, keys {@code flyway.*}); a missing
     * file gives {@link #EMPTY}. Relative {@code filesystem:} locations are resolved against
     * {@code baseDirectory}.
     */
    public static FlywaySettings fromFlywayConf(Path file, Path baseDirectory) {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (PropertiesFile.Document document : PropertiesFile.read(file, StandardCharsets.UTF_8, false)) {
            for (PropertiesFile.Entry entry : document.entries()) {
                if (entry.key().startsWith("flyway.")) {
                    String key = entry.key().substring("flyway.".length());
                    values.put(key, entry.value());
                    lines.put(key, entry.line());
                }
            }
        }
        return read(new FlatSource(values, key -> "flyway." + key + " in " + file + " line " + lines.get(key),
                baseDirectory));
    }

    /**
     * Reads the flyway-maven-plugin's {@code <configuration>}, flattened by the caller to the keys of
     * {@code flyway.conf} without {@code flyway.}: {@code locations} (comma-separated),
     * {@code placeholders.<name>}, {@code table}, {@code schemas}, {@code defaultSchema},
     * {@code sqlMigrationSuffixes}, {@code outOfOrder}, {@code baselineVersion}, ... Relative
     * {@code filesystem:} locations are resolved against {@code baseDirectory}.
     */
    public static FlywaySettings fromMap(Map<String, String> flywayMavenPluginConfiguration, Path baseDirectory) {
        Map<String, String> values = flywayMavenPluginConfiguration == null ? Map.of() : flywayMavenPluginConfiguration;
        return read(new FlatSource(values, key -> "<" + key + "> in the flyway-maven-plugin configuration",
                baseDirectory));
    }

    /**
     * Reads Spring Boot's {@code spring.flyway.*} (relaxed keys: {@code spring.flyway.default-schema},
     * {@code spring.flyway.defaultSchema}, ...). Nothing is defaulted: an absent key is null.
     * Locations are kept as written.
     */
    public static FlywaySettings fromSpringBoot(ApplicationProperties properties) {
        return read(new SpringSource(properties));
    }

    /**
     * Reads a Quarkus application's {@code quarkus.flyway.*} (default datasource; kebab-case keys as
     * Quarkus writes them, {@code %prod.} profiles already applied). Relative {@code filesystem:}
     * locations are resolved against {@code baseDirectory}.
     */
    public static FlywaySettings fromQuarkus(QuarkusProperties properties, Path baseDirectory) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        properties.withPrefix("quarkus.flyway").forEach((key, value) -> {
            String flywayKey = key.startsWith("placeholders.") ? key : camel(key);
            values.put(flywayKey, value.value());
            where.put(flywayKey, value.where());
        });
        return read(new FlatSource(values, key -> where.getOrDefault(key, "quarkus.flyway." + kebab(key)),
                baseDirectory));
    }

    /** The one mapping from Flyway's setting names to fields, for every source. */
    private static FlywaySettings read(Source source) {
        return new FlywaySettings(
                locations(source),
                source.placeholders(),
                text(source, "placeholderPrefix"),
                text(source, "placeholderSuffix"),
                bool(source, "placeholderReplacement"),
                text(source, "table"),
                list(source, "schemas"),
                text(source, "defaultSchema"),
                text(source, "sqlMigrationPrefix"),
                text(source, "sqlMigrationSeparator"),
                list(source, "sqlMigrationSuffixes"),
                text(source, "repeatableSqlMigrationPrefix"),
                version(source, "baselineVersion"),
                bool(source, "baselineOnMigrate"),
                bool(source, "outOfOrder"),
                encoding(source, "encoding"),
                text(source, "undoSqlMigrationPrefix"),
                bool(source, "validateMigrationNaming"));
    }

    /** Where Flyway settings come from, by Flyway's own (camelCase) setting name. */
    private interface Source {
        Optional<String> value(String key);

        List<String> list(String key);

        Map<String, String> placeholders();

        String describe(String key);

        Boolean bool(String key, String value);

        /** Where relative {@code filesystem:} locations are resolved, or null to keep them relative. */
        Path baseDirectory();
    }

    /** {@code flyway.conf} (prefix removed) and the Maven plugin's flattened configuration. */
    private record FlatSource(Map<String, String> values, Function<String, String> describer,
                              Path baseDirectory) implements Source {
        @Override
        public Optional<String> value(String key) {
            return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
        }

        @Override
        public List<String> list(String key) {
            return value(key).map(ApplicationProperties::splitCommas).orElse(List.of());
        }

        @Override
        public Map<String, String> placeholders() {
            Map<String, String> placeholders = new LinkedHashMap<>();
            values.forEach((key, value) -> {
                if (key.startsWith("placeholders.") && key.length() > "placeholders.".length()) {
                    placeholders.put(key.substring("placeholders.".length()), value);
                }
            });
            return placeholders;
        }

        @Override
        public String describe(String key) {
            return describer.apply(key);
        }

        @Override
        public Boolean bool(String key, String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return Boolean.valueOf(lower);
            }
            throw bad(this, key, value, "is not true or false");
        }
    }

    /** Spring Boot's {@code spring.flyway.*}, keys in any relaxed form. */
    private record SpringSource(ApplicationProperties properties) implements Source {
        @Override
        public Optional<String> value(String key) {
            return properties.get("spring.flyway." + key).map(String::trim).filter(v -> !v.isEmpty());
        }

        @Override
        public List<String> list(String key) {
            return properties.list("spring.flyway." + key);
        }

        @Override
        public Map<String, String> placeholders() {
            return properties.withPrefix("spring.flyway.placeholders");
        }

        @Override
        public String describe(String key) {
            String name = "spring.flyway." + kebab(key);
            return name + properties.origin(name).map(origin -> " in " + origin).orElse("");
        }

        @Override
        public Boolean bool(String key, String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (SPRING_TRUE.contains(lower)) {
                return true;
            }
            if (SPRING_FALSE.contains(lower)) {
                return false;
            }
            throw bad(this, key, value, "is not true or false");
        }

        @Override
        public Path baseDirectory() {
            return null;
        }
    }

    private static String text(Source source, String key) {
        return source.value(key).orElse(null);
    }

    private static List<String> list(Source source, String key) {
        List<String> items = source.list(key);
        return items.isEmpty() ? null : items;
    }

    private static Boolean bool(Source source, String key) {
        return source.value(key).map(value -> source.bool(key, value)).orElse(null);
    }

    private static String version(Source source, String key) {
        return source.value(key).map(value -> {
            if (!VERSION.matcher(value).matches()) {
                throw bad(source, key, value, "is not a Flyway version (numbers separated by . or _, e.g. 1.0.2)");
            }
            return value;
        }).orElse(null);
    }

    private static String encoding(Source source, String key) {
        return source.value(key).map(value -> {
            boolean supported;
            try {
                supported = Charset.isSupported(value);
            } catch (IllegalCharsetNameException e) {
                supported = false;
            }
            if (!supported) {
                throw bad(source, key, value, "is not an encoding Java knows (e.g. UTF-8)");
            }
            return value;
        }).orElse(null);
    }

    private static List<String> locations(Source source) {
        List<String> given = list(source, "locations");
        if (given == null) {
            return null;
        }
        List<String> checked = new ArrayList<>();
        for (String location : given) {
            String prefix = prefixOf(location);
            if (prefix == null) {
                checked.add(location);
                continue;
            }
            if (prefix.equals(CLASSPATH)) {
                checked.add(CLASSPATH + location.substring(CLASSPATH.length()));
                continue;
            }
            if (!prefix.equals(FILESYSTEM)) {
                throw bad(source, "locations", location, "has the location prefix '" + prefix
                        + "', which the plugin cannot read (use classpath:, filesystem:, or no prefix for the classpath)");
            }
            String path = location.substring(FILESYSTEM.length()).trim();
            if (path.isEmpty()) {
                throw bad(source, "locations", location, "names no folder");
            }
            checked.add(FILESYSTEM + absolute(source, location, path));
        }
        return checked;
    }

    private static String absolute(Source source, String location, String path) {
        Path base = source.baseDirectory();
        if (base == null) {
            return path;
        }
        try {
            return base.resolve(path).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            throw bad(source, "locations", location, "is not a valid path: " + e.getMessage());
        }
    }

    /** {@code classpath:} or {@code filesystem:} (lower case), any other scheme as written, or null for none. */
    private static String prefixOf(String location) {
        var matcher = PREFIX.matcher(location);
        if (!matcher.matches() || matcher.group(1).length() < 2) {
            return null;
        }
        String scheme = matcher.group(1) + ":";
        String lower = scheme.toLowerCase(Locale.ROOT);
        return lower.equals(CLASSPATH) || lower.equals(FILESYSTEM) ? lower : scheme;
    }

    private static SchemaException bad(Source source, String key, String value, String problem) {
        return new SchemaException("Bad Flyway setting " + source.describe(key) + ": '" + value + "' " + problem);
    }

    /** {@code out-of-order} → {@code outOfOrder}, Flyway's own name of a Quarkus setting. */
    private static String camel(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    /** {@code outOfOrder} → {@code out-of-order}, Spring Boot's spelling in messages. */
    private static String kebab(String camel) {
        StringBuilder kebab = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }
}
