package io.schemadiff.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hibernate settings given on the command line as one value,
 * {@code -Dschema.hibernateProperties=hibernate.default_schema=app,hibernate.globally_quoted_identifiers=true}:
 * entries separated by commas, each {@code key=value} (the value may itself contain {@code =}).
 */
public final class HibernatePropertiesOption {

    private HibernatePropertiesOption() {
    }

    /**
     * The entries of {@code option}, in order; blank entries are skipped, a later entry of the same
     * key wins.
     *
     * @throws IllegalArgumentException naming an entry that is not {@code key=value}
     */
    public static Map<String, String> parse(String option) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (option == null) {
            return entries;
        }
        for (String entry : option.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String key = equals < 0 ? "" : entry.substring(0, equals).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("schema.hibernateProperties: '" + entry.trim()
                        + "' is not key=value (e.g. -Dschema.hibernateProperties=hibernate.default_schema=app,"
                        + "hibernate.globally_quoted_identifiers=true)");
            }
            entries.put(key, entry.substring(equals + 1).trim());
        }
        return entries;
    }
}
