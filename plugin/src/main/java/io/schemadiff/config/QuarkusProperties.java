package io.schemadiff.config;

import io.schemadiff.core.SchemaException;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Quarkus application's configuration, read from {@code application.properties} the way Quarkus
 * (SmallRye Config) reads it for a packaged application.
 *
 * <p><b>Profiles.</b> A key {@code %prod.quarkus.x} (or {@code %dev,prod.quarkus.x}) counts only in
 * those profiles, and there wins over the plain {@code quarkus.x}; {@code application-<profile>.properties}
 * wins over both. A packaged application runs in Quarkus's {@code prod} profile, so that is the profile
 * unless others are given; with several, the last wins, as in Quarkus.
 *
 * <p><b>Files.</b> For each file name the first of the given folders that has it wins (so
 * {@code target/classes} before {@code src/main/resources} sees the filtered copy).
 *
 * <p><b>Values.</b> {@code ${key}} and {@code ${key:default}} are resolved among these properties,
 * then System properties and environment variables; an unresolvable one stays as written. Keys are
 * compared as written (Quarkus's keys are kebab-case), quotes around a segment
 * ({@code quarkus.flyway.placeholders."tenant"}) are dropped.
 */
public final class QuarkusProperties {

    /** Quarkus's profile for a packaged application. */
    public static final String DEFAULT_PROFILE = "prod";

    /** A value and where it was set. */
    public record Value(String value, Path file, int line, String writtenKey) {
        /** {@code %prod.quarkus.x in application.properties line 4}. */
        public String where() {
            return writtenKey + " in " + file.getFileName() + " line " + line;
        }
    }

    private final Map<String, Value> values;
    private final List<String> profiles;
    private final List<Path> files;

    private QuarkusProperties(Map<String, Value> values, List<String> profiles, List<Path> files) {
        this.values = Collections.unmodifiableMap(values);
        this.profiles = List.copyOf(profiles);
        this.files = List.copyOf(files);
    }

    /**
     * Reads {@code application.properties} and the {@code application-<profile>.properties} of the
     * profiles (empty: {@value #DEFAULT_PROFILE}) from the first folder that has each; missing folders
     * and files are skipped. A profile entry may hold several comma-separated profiles.
     */
    public static QuarkusProperties load(List<Path> folders, List<String> profiles) {
        List<String> active = new ArrayList<>();
        for (String entry : profiles == null ? List.<String>of() : profiles) {
            if (entry != null) {
                active.addAll(ApplicationProperties.splitCommas(entry));
            }
        }
        if (active.isEmpty()) {
            active.add(DEFAULT_PROFILE);
        }
        List<Path> searched = folders == null ? List.of() : folders.stream().filter(f -> f != null).toList();
        List<Path> files = new ArrayList<>();
        Map<String, Value> plain = new LinkedHashMap<>();
        Map<String, Value> profiled = new LinkedHashMap<>();
        find(searched, "application.properties").ifPresent(file -> {
            files.add(file);
            for (PropertiesFile.Entry entry : entries(file)) {
                String key = entry.key();
                if (!key.startsWith("%")) {
                    plain.put(unquoted(key), new Value(entry.value(), file, entry.line(), key));
                    continue;
                }
                int dot = key.indexOf('.');
                if (dot < 0) {
                    throw new SchemaException("Bad key '" + key + "' in " + file + " line " + entry.line()
                            + ": a profile prefix %<profile>. must be followed by a property name");
                }
                String name = unquoted(key.substring(dot + 1));
                int rank = rank(key, active);
                Value previous = profiled.get(name);
                if (rank >= 0 && (previous == null || rank >= rank(previous.writtenKey(), active))) {
                    profiled.put(name, new Value(entry.value(), file, entry.line(), key));
                }
            }
        });
        Map<String, Value> merged = new LinkedHashMap<>(plain);
        merged.putAll(profiled);
        for (String profile : active) {
            find(searched, "application-" + profile + ".properties").ifPresent(file -> {
                files.add(file);
                for (PropertiesFile.Entry entry : entries(file)) {
                    if (!entry.key().startsWith("%")) {
                        merged.put(unquoted(entry.key()), new Value(entry.value(), file, entry.line(), entry.key()));
                    }
                }
            });
        }
        return new QuarkusProperties(merged, active, files);
    }

    /** No configuration. */
    public static QuarkusProperties empty() {
        return new QuarkusProperties(Map.of(), List.of(DEFAULT_PROFILE), List.of());
    }

    /** True when any key is under {@code quarkus.}: the file is a Quarkus application's. */
    public boolean isQuarkusConfiguration() {
        return values.keySet().stream().anyMatch(key -> key.startsWith("quarkus."));
    }

    /** The profiles in effect, lowest precedence first. */
    public List<String> profiles() {
        return profiles;
    }

    /** The files read. */
    public List<Path> files() {
        return files;
    }

    /** The value of {@code key}, trimmed and its expressions resolved; blank counts as unset. */
    public Optional<String> get(String key) {
        return value(key).map(Value::value);
    }

    /** The value of {@code key} with where it was set, its expressions resolved. */
    public Optional<Value> value(String key) {
        Value value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String resolved = resolve(value.value(), new ArrayList<>(List.of(key))).trim();
        return resolved.isEmpty() ? Optional.empty()
                : Optional.of(new Value(resolved, value.file(), value.line(), value.writtenKey()));
    }

    /** Every key under {@code prefix.} (as the rest of the key, quotes dropped), in file order. */
    public Map<String, Value> withPrefix(String prefix) {
        String start = prefix.endsWith(".") ? prefix : prefix + ".";
        Map<String, Value> found = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            if (key.startsWith(start) && key.length() > start.length()) {
                value(key).ifPresent(value -> found.put(key.substring(start.length()), value));
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "QuarkusProperties" + files + " profiles " + profiles;
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * The index of the last active profile that {@code %a,b.key} names (later profiles win), or -1
     * when it names none of them.
     */
    private static int rank(String key, List<String> active) {
        List<String> keyProfiles = ApplicationProperties.splitCommas(key.substring(1, key.indexOf('.')));
        int rank = -1;
        for (int i = 0; i < active.size(); i++) {
            if (keyProfiles.contains(active.get(i))) {
                rank = i;
            }
        }
        return rank;
    }

    private static List<PropertiesFile.Entry> entries(Path file) {
        List<PropertiesFile.Document> documents;
        try {
            // SmallRye Config reads application.properties as UTF-8
            documents = PropertiesFile.read(file, StandardCharsets.UTF_8, false);
        } catch (SchemaException e) {
            if (!(e.getCause() instanceof CharacterCodingException)) {
                throw e;
            }
            // not UTF-8: another framework's file (Spring Boot reads ISO-8859-1), which must still be readable
            documents = PropertiesFile.read(file, StandardCharsets.ISO_8859_1, false);
        }
        List<PropertiesFile.Entry> entries = new ArrayList<>();
        documents.forEach(document -> entries.addAll(document.entries()));
        return entries;
    }

    private static Optional<Path> find(List<Path> folders, String name) {
        return folders.stream().map(folder -> folder.resolve(name)).filter(Files::isRegularFile).findFirst();
    }

    /** {@code quarkus.flyway.placeholders."tenant"} → {@code quarkus.flyway.placeholders.tenant}. */
    static String unquoted(String key) {
        return key.replace("\"", "");
    }

    /** Replaces {@code ${key}} and {@code ${key:default}}; {@code chain} holds the keys being resolved. */
    private String resolve(String text, List<String> chain) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            String inner = text.substring(open + 2, close);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String fallback = colon < 0 ? null : inner.substring(colon + 1);
            out.append(lookUp(name, fallback, text.substring(open, close + 1), chain));
            i = close + 1;
        }
        return out.toString();
    }

    private String lookUp(String name, String fallback, String literal, List<String> chain) {
        Value own = values.get(name);
        if (own != null) {
            if (chain.contains(name)) {
                throw new SchemaException("Circular expression in the Quarkus configuration: "
                        + String.join(" -> ", chain) + " -> " + name + " (" + own.where() + ")");
            }
            List<String> deeper = new ArrayList<>(chain);
            deeper.add(name);
            return resolve(own.value(), deeper);
        }
        String external = System.getProperty(name);
        if (external == null) {
            // Quarkus's environment form: QUARKUS_DATASOURCE_DB_KIND
            external = System.getenv(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        if (external != null) {
            return external;
        }
        return fallback != null ? fallback : literal;
    }
}
