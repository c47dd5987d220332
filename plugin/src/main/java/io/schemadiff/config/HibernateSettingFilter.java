package io.schemadiff.config;

import java.util.List;

/**
 * Which of an application's Hibernate settings the plugin takes over. Dialect, connection and
 * schema-generation settings are the plugin's own (it writes DDL offline, for the target it was
 * given); everything else may shape the schema and is passed on.
 */
final class HibernateSettingFilter {

    private static final List<String> OWN_KEYS = List.of("hibernate.dialect");
    private static final List<String> OWN_PREFIXES = List.of(
            "hibernate.connection.",
            "hibernate.hbm2ddl.",
            "jakarta.persistence.jdbc.",
            "jakarta.persistence.schema-generation.",
            "javax.persistence.jdbc.",
            "javax.persistence.schema-generation.");

    private HibernateSettingFilter() {
    }

    /** True for a setting the plugin decides itself and never takes from the application. */
    static boolean isPluginsOwn(String key) {
        return OWN_KEYS.contains(key) || OWN_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /**
     * The log line of an XML source: {@code heading}, the properties read (with their lines), what
     * was left out and what was not read.
     */
    static String note(String heading, List<String> read, List<String> ignored, List<String> notRead) {
        StringBuilder note = new StringBuilder(heading)
                .append(read.isEmpty() ? ", no schema property" : ", properties " + String.join(", ", read));
        if (!ignored.isEmpty()) {
            note.append("; left out (the plugin's own): ").append(String.join(", ", ignored));
        }
        if (!notRead.isEmpty()) {
            note.append("; not read (only annotated classes are): ").append(String.join(", ", notRead));
        }
        return note.toString();
    }
}
