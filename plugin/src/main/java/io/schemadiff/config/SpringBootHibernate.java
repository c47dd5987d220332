package io.schemadiff.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Hibernate properties a Spring Boot application hands to Hibernate, as far as they shape the
 * schema: the naming strategies Spring Boot sets by default or from
 * {@code spring.jpa.hibernate.naming.*}, and every {@code spring.jpa.properties.*} entry with that
 * prefix removed.
 *
 * <p>Spring Boot's defaults, from its {@code HibernateProperties.Naming}:
 * <ul>
 *   <li>Spring Boot 3: implicit {@value #BOOT3_IMPLICIT_NAMING} (module {@code spring-boot}),
 *       physical {@value #CAMEL_CASE_TO_UNDERSCORES}.</li>
 *   <li>Spring Boot 4: implicit {@value #BOOT4_IMPLICIT_NAMING} (module {@code spring-boot-hibernate}),
 *       physical {@value #SNAKE_CASE}, of which Hibernate 7's deprecated
 *       {@code CamelCaseToUnderscoresNamingStrategy} is an unchanged subclass.</li>
 * </ul>
 * {@code spring.jpa.hibernate.naming.*-strategy} wins over {@code spring.jpa.properties.hibernate.*_naming_strategy},
 * which wins over the default, as in Spring Boot.
 *
 * <p>Dialect, connection and schema-generation settings are left out: the plugin decides those.
 */
public final class SpringBootHibernate {

    /** Present on the classpath of every Spring Boot application. */
    public static final String SPRING_APPLICATION = "org.springframework.boot.SpringApplication";
    /** Spring Boot 3.x (and 2.x): {@code spring-boot.jar}. */
    public static final String BOOT3_IMPLICIT_NAMING = "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy";
    /** Spring Boot 4.x: {@code spring-boot-hibernate.jar}. */
    public static final String BOOT4_IMPLICIT_NAMING = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";
    public static final String CAMEL_CASE_TO_UNDERSCORES = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
    public static final String SNAKE_CASE = "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";
    public static final String JPA_COMPLIANT_IMPLICIT_NAMING = "org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl";

    public static final String PHYSICAL_NAMING_STRATEGY = "hibernate.physical_naming_strategy";
    public static final String IMPLICIT_NAMING_STRATEGY = "hibernate.implicit_naming_strategy";

    private static final String JPA_PROPERTIES = "spring.jpa.properties";
    private static final String PHYSICAL_STRATEGY_KEY = "spring.jpa.hibernate.naming.physical-strategy";
    private static final String IMPLICIT_STRATEGY_KEY = "spring.jpa.hibernate.naming.implicit-strategy";

    private static final String FALLBACK = "fallback: Spring's SpringImplicitNamingStrategy is not on the classpath";

    /**
     * The Hibernate properties, and human-readable lines on where they came from and what was
     * left out.
     */
    public record Result(Map<String, String> hibernateProperties, List<String> notes) {
        public Result {
            hibernateProperties = Collections.unmodifiableMap(new LinkedHashMap<>(hibernateProperties));
            notes = List.copyOf(notes);
        }
    }

    private SpringBootHibernate() {
    }

    /**
     * What Spring Boot would pass to Hibernate, given the application's configuration and a test for
     * "this class is on the project's classpath". Without {@value #SPRING_APPLICATION} on the
     * classpath the project is no Spring Boot application: the result is empty.
     */
    public static Result resolve(ApplicationProperties properties, Predicate<String> onClasspath) {
        if (!onClasspath.test(SPRING_APPLICATION)) {
            return new Result(Map.of(), List.of());
        }
        Map<String, String> jpaProperties = properties.withPrefix(JPA_PROPERTIES);
        Map<String, String> hibernate = new LinkedHashMap<>();
        List<String> passed = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        jpaProperties.forEach((key, value) -> {
            if (HibernateSettingFilter.isPluginsOwn(key)) {
                dropped.add(JPA_PROPERTIES + "." + key);
            } else {
                hibernate.put(key, value);
                passed.add(key);
            }
        });

        boolean boot4 = onClasspath.test(BOOT4_IMPLICIT_NAMING);
        boolean boot3 = !boot4 && onClasspath.test(BOOT3_IMPLICIT_NAMING);
        String defaultSource = (boot4 ? "Spring Boot 4" : boot3 ? "Spring Boot 3" : "Spring Boot") + " default";

        String physicalSource = apply(properties, hibernate, PHYSICAL_NAMING_STRATEGY, PHYSICAL_STRATEGY_KEY,
                boot4 ? SNAKE_CASE : CAMEL_CASE_TO_UNDERSCORES, defaultSource);
        String implicitSource = apply(properties, hibernate, IMPLICIT_NAMING_STRATEGY, IMPLICIT_STRATEGY_KEY,
                boot4 ? BOOT4_IMPLICIT_NAMING : boot3 ? BOOT3_IMPLICIT_NAMING : JPA_COMPLIANT_IMPLICIT_NAMING,
                boot4 || boot3 ? defaultSource : FALLBACK);

        List<String> notes = new ArrayList<>();
        notes.add("Spring Boot naming: physical " + simpleName(hibernate.get(PHYSICAL_NAMING_STRATEGY))
                + " (" + physicalSource + "), implicit " + simpleName(hibernate.get(IMPLICIT_NAMING_STRATEGY))
                + " (" + implicitSource + ")" + files(properties) + assumed(physicalSource, implicitSource, defaultSource));
        if (implicitSource.equals(FALLBACK)) {
            notes.add("Neither " + BOOT4_IMPLICIT_NAMING + " (Spring Boot 4) nor " + BOOT3_IMPLICIT_NAMING
                    + " (Spring Boot 3) is on the project classpath: using Hibernate's "
                    + JPA_COMPLIANT_IMPLICIT_NAMING + ", which names a join table {OwningEntity}_{TargetEntity}"
                    + " where Spring's names it {owning_table}_{property}");
        }
        if (!passed.isEmpty()) {
            notes.add("From spring.jpa.properties: " + String.join(", ", passed));
        }
        if (!dropped.isEmpty()) {
            notes.add("Not passed to Hibernate (the plugin sets dialect, connection and schema generation): "
                    + String.join(", ", dropped));
        }
        return new Result(hibernate, notes);
    }

    /**
     * When a strategy is Spring Boot's default rather than a setting read from a file, says so and
     * how to choose another: a project whose migrations use other names must not be left guessing.
     */
    private static String assumed(String physicalSource, String implicitSource, String defaultSource) {
        List<String> springKeys = new ArrayList<>();
        List<String> hibernateKeys = new ArrayList<>();
        if (physicalSource.equals(defaultSource)) {
            springKeys.add(PHYSICAL_STRATEGY_KEY);
            hibernateKeys.add(PHYSICAL_NAMING_STRATEGY + "=<class>");
        }
        if (implicitSource.equals(defaultSource)) {
            springKeys.add(IMPLICIT_STRATEGY_KEY);
            hibernateKeys.add(IMPLICIT_NAMING_STRATEGY + "=<class>");
        }
        if (springKeys.isEmpty()) {
            return "";
        }
        return ". Assumed, as no file sets " + String.join(" or ", springKeys) + ": to override, set "
                + (springKeys.size() == 1 ? "it" : "them") + " or -Dschema.hibernateProperties="
                + String.join(",", hibernateKeys);
    }

    /** Sets {@code hibernateKey} as Spring Boot does and says where the value came from. */
    private static String apply(ApplicationProperties properties, Map<String, String> hibernate, String hibernateKey,
                                String springKey, String defaultValue, String defaultSource) {
        Optional<String> explicit = properties.get(springKey).map(String::trim).filter(v -> !v.isEmpty());
        if (explicit.isPresent()) {
            hibernate.put(hibernateKey, explicit.get());
            return springKey + where(properties, springKey);
        }
        String fromJpaProperties = hibernate.get(hibernateKey);
        if (fromJpaProperties != null && !fromJpaProperties.isBlank()) {
            hibernate.put(hibernateKey, fromJpaProperties.trim());
            String springName = JPA_PROPERTIES + "." + hibernateKey;
            return springName + where(properties, springName);
        }
        hibernate.put(hibernateKey, defaultValue);
        return defaultSource;
    }

    private static String where(ApplicationProperties properties, String key) {
        return properties.origin(key)
                .map(origin -> " in " + origin.file().getFileName() + " line " + origin.line())
                .orElse("");
    }

    /** "; read application.yml, application-prod.yml, profile prod" or "; no application.properties/.yml found". */
    private static String files(ApplicationProperties properties) {
        if (properties.files().isEmpty()) {
            return "; no application.properties/.yml found";
        }
        String names = String.join(", ", properties.files().stream().map(f -> f.getFileName().toString()).toList());
        List<String> active = properties.activeProfiles();
        String profiles = active.isEmpty() ? ""
                : active.size() == 1 ? ", profile " + active.get(0) : ", profiles " + String.join(", ", active);
        return "; read " + names + profiles;
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
