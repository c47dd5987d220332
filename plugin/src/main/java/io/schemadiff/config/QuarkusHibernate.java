package io.schemadiff.config;

import io.schemadiff.core.SchemaException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Hibernate properties a Quarkus application hands to Hibernate ORM and Envers, as far as they
 * shape the schema, from its {@code quarkus.hibernate-orm.*} and {@code quarkus.hibernate-envers.*}
 * settings (default persistence unit). Quarkus leaves naming to Hibernate's own defaults, so only
 * what the application sets is passed on.
 *
 * <p>Envers matters most: {@code quarkus.hibernate-envers.audit-strategy=…ValidityAuditStrategy}
 * adds a {@code REVEND} column and its foreign key to every audit table; without it every one of
 * them looks like a drop.
 */
public final class QuarkusHibernate {

    /** The main class of every Quarkus application ({@code quarkus-core}). */
    public static final String QUARKUS = "io.quarkus.runtime.Quarkus";

    private static final String ORM = "quarkus.hibernate-orm.";
    private static final String ENVERS = "quarkus.hibernate-envers.";
    private static final String UNSUPPORTED = ORM + "unsupported-properties.";

    /** Quarkus key (under {@value #ORM}) → Hibernate setting, for settings passed on as they are. */
    private static final List<Map.Entry<String, String>> ORM_SETTINGS = List.of(
            Map.entry("physical-naming-strategy", "hibernate.physical_naming_strategy"),
            Map.entry("implicit-naming-strategy", "hibernate.implicit_naming_strategy"),
            Map.entry("database.default-schema", "hibernate.default_schema"),
            Map.entry("database.default-catalog", "hibernate.default_catalog"),
            Map.entry("database.globally-quoted-identifiers", "hibernate.globally_quoted_identifiers"),
            Map.entry("mapping.id.optimizer.default", "hibernate.id.optimizer.pooled.preferred"),
            Map.entry("discriminator.ignore-explicit-for-joined", "hibernate.discriminator.ignore_explicit_for_joined"),
            Map.entry("dialect.storage-engine", "hibernate.dialect.storage_engine"));
    private static final String TIMEZONE_STORAGE = "mapping.timezone.default-storage";
    private static final String QUOTING = "quote-identifiers.strategy";

    /** Envers's settings as Quarkus spells them (kebab-case); Hibernate's are {@code org.hibernate.envers.<snake_case>}. */
    private static final List<String> ENVERS_SETTINGS = List.of(
            "store-data-at-delete", "audit-table-suffix", "audit-table-prefix", "revision-field-name",
            "revision-type-field-name", "revision-on-collection-change", "do-not-audit-optimistic-locking-field",
            "default-schema", "default-catalog", "track-entities-changed-in-revision",
            "use-revision-entity-with-native-id", "global-with-modified-flag", "modified-flag-suffix",
            "revision-listener", "audit-strategy", "original-id-prop-name", "audit-strategy-validity-end-rev-field-name",
            "audit-strategy-validity-store-revend-timestamp", "audit-strategy-validity-revend-timestamp-field-name",
            "embeddable-set-ordinal-field-name", "allow-identifier-reuse", "modified-column-naming-strategy");

    private QuarkusHibernate() {
    }

    /** True when the project is a Quarkus application: Quarkus on its classpath, or {@code quarkus.*} keys. */
    public static boolean isQuarkus(QuarkusProperties properties, Predicate<String> onClasspath) {
        return onClasspath.test(QUARKUS) || properties.isQuarkusConfiguration();
    }

    /** What Quarkus would pass to Hibernate; {@link ApplicationHibernate#NONE} for no Quarkus application. */
    public static ApplicationHibernate resolve(QuarkusProperties properties, Predicate<String> onClasspath) {
        if (!isQuarkus(properties, onClasspath)) {
            return ApplicationHibernate.NONE;
        }
        Map<String, String> hibernate = new LinkedHashMap<>();
        List<String> read = new ArrayList<>();
        for (Map.Entry<String, String> setting : ORM_SETTINGS) {
            properties.value(ORM + setting.getKey()).ifPresent(value -> {
                hibernate.put(setting.getValue(), value.value());
                read.add(setting.getValue() + "=" + simpleName(value.value()) + " (" + value.where() + ")");
            });
        }
        properties.value(ORM + TIMEZONE_STORAGE).ifPresent(value -> {
            // Quarkus's normalize-utc is Hibernate's TimeZoneStorageType.NORMALIZE_UTC
            hibernate.put("hibernate.timezone.default_storage", value.value().toUpperCase(Locale.ROOT).replace('-', '_'));
            read.add("hibernate.timezone.default_storage (" + value.where() + ")");
        });
        properties.value(ORM + QUOTING).ifPresent(value -> {
            switch (value.value().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "none" -> { }
                case "all" -> hibernate.put("hibernate.globally_quoted_identifiers", "true");
                case "all-except-column-definitions" -> {
                    hibernate.put("hibernate.globally_quoted_identifiers", "true");
                    hibernate.put("hibernate.globally_quoted_identifiers_skip_column_definitions", "true");
                }
                case "only-keywords" -> hibernate.put("hibernate.auto_quote_keyword", "true");
                default -> throw new SchemaException("Bad " + value.where() + ": '" + value.value()
                        + "' is not none, all, all-except-column-definitions or only-keywords");
            }
            read.add("identifier quoting " + value.value() + " (" + value.where() + ")");
        });
        List<String> ignored = new ArrayList<>();
        properties.withPrefix(UNSUPPORTED).forEach((key, value) -> {
            if (HibernateSettingFilter.isPluginsOwn(key)) {
                ignored.add(key);
            } else {
                hibernate.put(key, value.value());
                read.add(key + " (" + value.where() + ")");
            }
        });
        properties.value(ENVERS + "active").filter(v -> v.value().equalsIgnoreCase("false")).ifPresent(value -> {
            hibernate.put("hibernate.integration.envers.enabled", "false");
            read.add("Envers off (" + value.where() + ")");
        });
        for (String setting : ENVERS_SETTINGS) {
            properties.value(ENVERS + setting).ifPresent(value -> {
                String key = "org.hibernate.envers." + setting.replace('-', '_');
                hibernate.put(key, value.value());
                read.add(key + "=" + simpleName(value.value()) + " (" + value.where() + ")");
            });
        }
        String files = properties.files().isEmpty() ? "no application.properties found"
                : String.join(", ", properties.files().stream().map(f -> f.getFileName().toString()).toList());
        StringBuilder note = new StringBuilder("Quarkus settings (profile ")
                .append(String.join(", ", properties.profiles())).append(") from ").append(files).append(": ")
                .append(read.isEmpty() ? "no quarkus.hibernate-orm/-envers setting that shapes the schema"
                        : String.join(", ", read));
        if (!ignored.isEmpty()) {
            note.append("; left out (the plugin's own): ").append(String.join(", ", ignored));
        }
        return new ApplicationHibernate(hibernate, Map.of(), List.of(note.toString()));
    }

    private static String simpleName(String value) {
        return value.matches("[\\w$]+(\\.[\\w$]+)+") ? value.substring(value.lastIndexOf('.') + 1) : value;
    }
}
