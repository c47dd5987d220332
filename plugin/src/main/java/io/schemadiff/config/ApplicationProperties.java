package io.schemadiff.config;

import io.schemadiff.core.SchemaException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Spring Boot application's configuration, read from its {@code application.properties} and
 * {@code application.yml} files the way Spring Boot reads them.
 *
 * <p><b>Files.</b> For each file name the first of the given folders that has the file wins (so
 * {@code target/classes} before {@code src/main/resources} sees the filtered copy). From lowest to
 * highest precedence: {@code application.yaml}, {@code application.yml},
 * {@code application.properties} ({@code .properties} wins over YAML in one location), then for
 * each active profile in order {@code application-<profile>.yaml/.yml/.properties}.
 *
 * <p><b>Documents.</b> A YAML file may hold several documents ({@code ---}), a properties file too
 * ({@code #---}); later documents override earlier ones of the same file. A document with
 * {@code spring.config.activate.on-profile} (a profile expression, or a list of them) counts only
 * when that profile is active; one with {@code spring.config.activate.on-cloud-platform} never
 * counts (the build runs on no cloud platform).
 *
 * <p><b>Profiles.</b> The profiles passed in, or else {@code spring.profiles.active} from the
 * documents of {@code application.*} that have no condition. With none active, the
 * {@code spring.profiles.default} profiles (by default {@code default}) are in effect, as in Spring
 * Boot: their documents and {@code application-default.*} files count.
 *
 * <p><b>Keys.</b> YAML is flattened to Spring's keys ({@code a.b}, {@code list[0]}); look-ups use
 * Spring's relaxed binding, so {@code get("spring.flyway.default-schema")} also finds
 * {@code spring.flyway.defaultSchema} and {@code spring.flyway.default_schema}.
 * {@code ${key}} and {@code ${key:default}} in values are resolved among these properties, then
 * System properties and environment variables; an unresolvable one stays as written, a circular one
 * is a {@link SchemaException}.
 */
public final class ApplicationProperties {

    /** Where a value was set. */
    public record Origin(Path file, int line) {
        /** The file by its name, as the Quarkus settings are said: never a machine's absolute path in the log. */
        @Override
        public String toString() {
            return file.getFileName() + " line " + line;
        }
    }

    private record Value(PropertyName name, String value, Origin origin, int layer) {
    }

    private record Document(Path file, List<PropertiesFile.Entry> entries, List<String> onProfile,
                            boolean onCloudPlatform) {
    }

    private static final String ON_PROFILE = "spring.config.activate.on-profile";
    private static final String ON_CLOUD_PLATFORM = "spring.config.activate.on-cloud-platform";
    private static final List<String> EXTENSIONS_LOWEST_FIRST = List.of("yaml", "yml", "properties");

    private final List<Map<String, Value>> layers;
    private final Map<String, Value> merged;
    private final List<String> activeProfiles;
    private final List<Path> files;

    private ApplicationProperties(List<Map<String, Value>> layers, List<String> activeProfiles, List<Path> files) {
        this.layers = List.copyOf(layers);
        this.activeProfiles = List.copyOf(activeProfiles);
        this.files = List.copyOf(files);
        Map<String, Value> all = new LinkedHashMap<>();
        for (Map<String, Value> layer : layers) {
            all.putAll(layer);
        }
        this.merged = Collections.unmodifiableMap(all);
    }

    /** No configuration at all. */
    public static ApplicationProperties empty() {
        return new ApplicationProperties(List.of(), List.of(), List.of());
    }

    /**
     * Reads the configuration from {@code folders} (first folder with a file wins for that file;
     * missing folders are skipped) for the given profiles; an empty list means "the profiles the
     * files activate". A profile entry may hold several comma-separated profiles.
     */
    public static ApplicationProperties load(List<Path> folders, List<String> profiles) {
        List<Path> searched = folders == null ? List.of() : folders.stream().filter(f -> f != null).toList();
        List<Path> files = new ArrayList<>();
        List<Document> baseDocuments = new ArrayList<>();
        for (String extension : EXTENSIONS_LOWEST_FIRST) {
            findFile(searched, "application." + extension).ifPresent(file -> {
                files.add(file);
                baseDocuments.addAll(read(file));
            });
        }

        ApplicationProperties unconditioned = fromDocuments(
                baseDocuments.stream().filter(d -> d.onProfile().isEmpty() && !d.onCloudPlatform()).toList(),
                List.of(), List.of(), List.of());
        List<String> active = explicitProfiles(profiles);
        if (active.isEmpty()) {
            active = distinct(unconditioned.list("spring.profiles.active"));
        }
        List<String> inEffect = active;
        if (inEffect.isEmpty()) {
            List<String> defaults = distinct(unconditioned.list("spring.profiles.default"));
            inEffect = defaults.isEmpty() ? List.of("default") : defaults;
        }

        List<Document> documents = new ArrayList<>(baseDocuments);
        for (String profile : inEffect) {
            for (String extension : EXTENSIONS_LOWEST_FIRST) {
                findFile(searched, "application-" + profile + "." + extension).ifPresent(file -> {
                    files.add(file);
                    documents.addAll(read(file));
                });
            }
        }
        return fromDocuments(documents, inEffect, active, files);
    }

    /** The active profiles: the ones passed in, or else those {@code spring.profiles.active} names (maybe none). */
    public List<String> activeProfiles() {
        return activeProfiles;
    }

    /** The files read, lowest precedence first. */
    public List<Path> files() {
        return files;
    }

    /** True when no file set any property. */
    public boolean isEmpty() {
        return merged.isEmpty();
    }

    /** The value of {@code key} (relaxed), its placeholders resolved. */
    public Optional<String> get(String key) {
        Value value = merged.get(PropertyName.uniform(key));
        return value == null ? Optional.empty() : Optional.of(resolve(value));
    }

    /** Where the value {@link #get(String)} returns for {@code key} was set; for a list, where its first item was. */
    public Optional<Origin> origin(String key) {
        String uniform = PropertyName.uniform(key);
        Value value = merged.get(uniform);
        if (value == null) {
            value = merged.get(uniform + "[0]");
        }
        return value == null ? Optional.empty() : Optional.of(value.origin());
    }

    /**
     * Every property under {@code prefix} (relaxed), keyed by the rest of its name as written:
     * {@code withPrefix("spring.jpa.properties")} gives {@code hibernate.default_schema} for
     * {@code spring.jpa.properties.hibernate.default_schema}. Maps merge across files, the file of
     * higher precedence winning per key. A trailing dot on the prefix is optional.
     */
    public Map<String, String> withPrefix(String prefix) {
        PropertyName root = PropertyName.of(prefix);
        Map<String, Value> chosen = new LinkedHashMap<>();
        for (Value value : merged.values()) {
            if (value.name().isStrictlyUnder(root)) {
                String rest = value.name().remainderAfter(root.elements().size());
                Value existing = chosen.get(rest);
                if (existing == null || existing.layer() <= value.layer()) {
                    chosen.put(rest, value);
                }
            }
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        chosen.forEach((rest, value) -> resolved.put(rest, resolve(value)));
        return Collections.unmodifiableMap(resolved);
    }

    /**
     * The list {@code key} holds: a comma-separated value ({@code a, b}) or indexed entries
     * ({@code key[0]}, {@code key[1]}, as YAML lists become). As in Spring Boot a list is not merged
     * across files: it comes whole from the file of highest precedence that sets it. Items are
     * trimmed, empty ones dropped; an unset key is an empty list.
     */
    public List<String> list(String key) {
        String uniform = PropertyName.uniform(key);
        for (int i = layers.size() - 1; i >= 0; i--) {
            Map<String, Value> layer = layers.get(i);
            Value whole = layer.get(uniform);
            if (whole != null) {
                return splitCommas(resolve(whole));
            }
            TreeMap<Integer, Value> indexed = new TreeMap<>();
            for (Map.Entry<String, Value> entry : layer.entrySet()) {
                Integer index = indexAfter(entry.getKey(), uniform);
                if (index != null) {
                    indexed.put(index, entry.getValue());
                }
            }
            if (!indexed.isEmpty()) {
                List<String> items = new ArrayList<>();
                for (Value value : indexed.values()) {
                    String item = resolve(value).trim();
                    if (!item.isEmpty()) {
                        items.add(item);
                    }
                }
                return List.copyOf(items);
            }
        }
        return List.of();
    }

    @Override
    public String toString() {
        return "ApplicationProperties" + files + (activeProfiles.isEmpty() ? "" : " profiles " + activeProfiles);
    }

    // ---------------------------------------------------------------------------------------------

    private static ApplicationProperties fromDocuments(List<Document> documents, List<String> profilesInEffect,
                                                       List<String> active, List<Path> files) {
        List<Map<String, Value>> layers = new ArrayList<>();
        for (Document document : documents) {
            if (document.onCloudPlatform()) {
                continue;
            }
            if (!document.onProfile().isEmpty() && !anyMatches(document, profilesInEffect)) {
                continue;
            }
            Map<String, Value> layer = new LinkedHashMap<>();
            int index = layers.size();
            for (PropertiesFile.Entry entry : document.entries()) {
                PropertyName name = PropertyName.of(entry.key());
                layer.put(name.uniform(), new Value(name, entry.value(), new Origin(document.file(), entry.line()), index));
            }
            layers.add(layer);
        }
        return new ApplicationProperties(layers, active, files);
    }

    private static boolean anyMatches(Document document, Collection<String> profiles) {
        for (String expression : document.onProfile()) {
            try {
                if (ProfileExpression.matches(expression, profiles)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                throw new SchemaException("Bad " + ON_PROFILE + " in " + document.file() + " line "
                        + onProfileLine(document) + ": " + e.getMessage(), e);
            }
        }
        return false;
    }

    private static int onProfileLine(Document document) {
        String uniform = PropertyName.uniform(ON_PROFILE);
        return document.entries().stream()
                .filter(e -> PropertyName.uniform(e.key()).startsWith(uniform))
                .mapToInt(PropertiesFile.Entry::line)
                .findFirst().orElse(0);
    }

    private static List<Document> read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<PropertiesFile.Document> documents = name.endsWith(".properties")
                ? PropertiesFile.read(file, StandardCharsets.ISO_8859_1, true)
                : YamlFile.read(file);
        String onProfile = PropertyName.uniform(ON_PROFILE);
        String onCloud = PropertyName.uniform(ON_CLOUD_PLATFORM);
        List<Document> result = new ArrayList<>();
        for (PropertiesFile.Document document : documents) {
            List<String> expressions = new ArrayList<>();
            boolean cloud = false;
            for (PropertiesFile.Entry entry : document.entries()) {
                String uniform = PropertyName.uniform(entry.key());
                if (uniform.equals(onProfile)) {
                    expressions.addAll(splitCommas(entry.value()));
                } else if (indexAfter(uniform, onProfile) != null) {
                    String expression = entry.value().trim();
                    if (!expression.isEmpty()) {
                        expressions.add(expression);
                    }
                } else if (uniform.equals(onCloud) && !entry.value().isBlank()) {
                    cloud = true;
                }
            }
            result.add(new Document(file, document.entries(), List.copyOf(expressions), cloud));
        }
        return result;
    }

    private static Optional<Path> findFile(List<Path> folders, String name) {
        for (Path folder : folders) {
            Path candidate = folder.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<String> explicitProfiles(List<String> profiles) {
        if (profiles == null) {
            return List.of();
        }
        List<String> split = new ArrayList<>();
        for (String profile : profiles) {
            if (profile != null) {
                split.addAll(splitCommas(profile));
            }
        }
        return distinct(split);
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /** The non-blank, trimmed items of a comma-separated value, as Spring Boot and Flyway both read lists. */
    static List<String> splitCommas(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return List.copyOf(items);
    }

    /** The index {@code i} when {@code uniformKey} is exactly {@code uniformList[i]}, else null. */
    private static Integer indexAfter(String uniformKey, String uniformList) {
        if (!uniformKey.startsWith(uniformList + "[") || !uniformKey.endsWith("]")) {
            return null;
        }
        String digits = uniformKey.substring(uniformList.length() + 1, uniformKey.length() - 1);
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(digits);
    }

    // --- placeholders ----------------------------------------------------------------------------

    private String resolve(Value value) {
        Deque<Value> resolving = new ArrayDeque<>();
        resolving.push(value);
        return resolveText(value.value(), resolving);
    }

    private String resolveText(String text, Deque<Value> resolving) {
        int start = text.indexOf("${");
        if (start < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (start >= 0) {
            int end = closingBrace(text, start + 2);
            if (end < 0) {
                break;
            }
            out.append(text, from, start);
            out.append(resolvePlaceholder(text.substring(start + 2, end), text.substring(start, end + 1), resolving));
            from = end + 1;
            start = text.indexOf("${", from);
        }
        out.append(text, from, text.length());
        return out.toString();
    }

    private String resolvePlaceholder(String inner, String literal, Deque<Value> resolving) {
        int separator = separatorIndex(inner);
        String name = resolveText(separator < 0 ? inner : inner.substring(0, separator), resolving);
        String fallback = separator < 0 ? null : inner.substring(separator + 1);
        Value referenced = merged.get(PropertyName.uniform(name));
        if (referenced != null) {
            if (resolving.contains(referenced)) {
                throw circular(referenced, resolving);
            }
            resolving.push(referenced);
            try {
                return resolveText(referenced.value(), resolving);
            } finally {
                resolving.pop();
            }
        }
        String external = System.getProperty(name);
        if (external == null) {
            external = System.getenv(name);
        }
        if (external == null) {
            external = System.getenv(name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
        }
        if (external != null) {
            return external;
        }
        return fallback == null ? literal : resolveText(fallback, resolving);
    }

    private static SchemaException circular(Value again, Deque<Value> resolving) {
        List<Value> chain = new ArrayList<>(resolving);
        Collections.reverse(chain);
        StringBuilder path = new StringBuilder();
        Set<Value> shown = new LinkedHashSet<>();
        for (Value value : chain.subList(chain.indexOf(again), chain.size())) {
            path.append(value.name().original()).append(" -> ");
            shown.add(value);
        }
        path.append(again.name().original());
        StringBuilder where = new StringBuilder();
        for (Value value : shown) {
            where.append(where.length() == 0 ? "" : ", ").append(value.name().original()).append(" in ").append(value.origin());
        }
        return new SchemaException("Circular placeholder reference for '" + again.name().original()
                + "' in the Spring Boot configuration: " + path + " (" + where + ")");
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int separatorIndex(String inner) {
        int depth = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
