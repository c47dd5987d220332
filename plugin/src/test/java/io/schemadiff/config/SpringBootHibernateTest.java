package io.schemadiff.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.schemadiff.config.SpringBootHibernate.BOOT3_IMPLICIT_NAMING;
import static io.schemadiff.config.SpringBootHibernate.BOOT4_IMPLICIT_NAMING;
import static io.schemadiff.config.SpringBootHibernate.CAMEL_CASE_TO_UNDERSCORES;
import static io.schemadiff.config.SpringBootHibernate.IMPLICIT_NAMING_STRATEGY;
import static io.schemadiff.config.SpringBootHibernate.JPA_COMPLIANT_IMPLICIT_NAMING;
import static io.schemadiff.config.SpringBootHibernate.PHYSICAL_NAMING_STRATEGY;
import static io.schemadiff.config.SpringBootHibernate.SNAKE_CASE;
import static io.schemadiff.config.SpringBootHibernate.SPRING_APPLICATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpringBootHibernateTest {

    /** The classes of a Spring Boot 3 application's classpath that matter here. */
    private static final Predicate<String> BOOT3 = Set.of(SPRING_APPLICATION, BOOT3_IMPLICIT_NAMING)::contains;
    /** Spring Boot 4 with spring-boot-hibernate. */
    private static final Predicate<String> BOOT4 = Set.of(SPRING_APPLICATION, BOOT4_IMPLICIT_NAMING)::contains;

    @TempDir
    Path dir;

    private ApplicationProperties config(String file, String content, String... profiles) throws IOException {
        Files.writeString(dir.resolve(file), content);
        return ApplicationProperties.load(List.of(dir), List.of(profiles));
    }

    @Test
    void withoutSpringBootOnTheClasspathThereIsNothing() throws IOException {
        ApplicationProperties properties = config("application.properties",
                "spring.jpa.properties.hibernate.default_schema=app\n");
        ClassLoader loader = getClass().getClassLoader();
        Predicate<String> thisClasspath = name -> loader.getResource(name.replace('.', '/') + ".class") != null;

        SpringBootHibernate.Result result = SpringBootHibernate.resolve(properties, thisClasspath);

        assertEquals(Map.of(), result.hibernateProperties());
        assertEquals(List.of(), result.notes());
    }

    @Test
    void springBoot3Defaults() {
        SpringBootHibernate.Result result = SpringBootHibernate.resolve(ApplicationProperties.empty(), BOOT3);

        assertEquals(Map.of(
                PHYSICAL_NAMING_STRATEGY, "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
                IMPLICIT_NAMING_STRATEGY, "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy"),
                result.hibernateProperties());
        assertEquals(List.of("Spring Boot naming: physical CamelCaseToUnderscoresNamingStrategy (Spring Boot 3 default),"
                + " implicit SpringImplicitNamingStrategy (Spring Boot 3 default); no application.properties/.yml found."
                + " Assumed, as no file sets spring.jpa.hibernate.naming.physical-strategy or"
                + " spring.jpa.hibernate.naming.implicit-strategy: to override, set them or -Dschema.hibernateProperties="
                + "hibernate.physical_naming_strategy=<class>,hibernate.implicit_naming_strategy=<class>"),
                result.notes());
    }

    @Test
    void springBoot4DefaultsUseTheSpringBootHibernateModule() {
        SpringBootHibernate.Result result = SpringBootHibernate.resolve(ApplicationProperties.empty(), BOOT4);

        assertEquals(Map.of(
                PHYSICAL_NAMING_STRATEGY, "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl",
                IMPLICIT_NAMING_STRATEGY, "org.springframework.boot.hibernate.SpringImplicitNamingStrategy"),
                result.hibernateProperties());
        assertTrue(result.notes().get(0).contains("implicit SpringImplicitNamingStrategy (Spring Boot 4 default)"),
                result.notes().toString());
    }

    @Test
    void theBoot4ClassWinsWhenBothAreOnTheClasspath() {
        Predicate<String> both = Set.of(SPRING_APPLICATION, BOOT3_IMPLICIT_NAMING, BOOT4_IMPLICIT_NAMING)::contains;

        SpringBootHibernate.Result result = SpringBootHibernate.resolve(ApplicationProperties.empty(), both);

        assertEquals(BOOT4_IMPLICIT_NAMING, result.hibernateProperties().get(IMPLICIT_NAMING_STRATEGY));
    }

    @Test
    void withoutSpringsImplicitStrategyHibernatesJpaCompliantOneIsUsedAndSaidSo() {
        SpringBootHibernate.Result result = SpringBootHibernate.resolve(ApplicationProperties.empty(),
                SPRING_APPLICATION::equals);

        assertEquals(JPA_COMPLIANT_IMPLICIT_NAMING, result.hibernateProperties().get(IMPLICIT_NAMING_STRATEGY));
        assertEquals(CAMEL_CASE_TO_UNDERSCORES, result.hibernateProperties().get(PHYSICAL_NAMING_STRATEGY));
        assertTrue(result.notes().get(0).contains("implicit ImplicitNamingStrategyJpaCompliantImpl (fallback"),
                result.notes().toString());
        assertTrue(result.notes().get(1).contains(BOOT3_IMPLICIT_NAMING), result.notes().toString());
        assertTrue(result.notes().get(1).contains(BOOT4_IMPLICIT_NAMING), result.notes().toString());
    }

    @Test
    void theDefaultStrategiesExistInTheHibernateThePluginRuns() throws ClassNotFoundException {
        Class<?> camelCase = Class.forName(CAMEL_CASE_TO_UNDERSCORES);
        Class<?> snakeCase = Class.forName(SNAKE_CASE);
        Class.forName(JPA_COMPLIANT_IMPLICIT_NAMING);

        assertEquals(snakeCase, camelCase.getSuperclass(),
                "Boot 3's and Boot 4's physical defaults name alike in Hibernate 7");
    }

    @Test
    void namingPropertiesOverrideTheDefaultsAndTheNoteSaysWhere() throws IOException {
        ApplicationProperties properties = config("application-prod.yml", """
                spring:
                  jpa:
                    hibernate:
                      naming:
                        physical-strategy: org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl
                        implicitStrategy: com.acme.MyImplicitNaming
                """, "prod");

        SpringBootHibernate.Result result = SpringBootHibernate.resolve(properties, BOOT3);

        assertEquals(Map.of(
                PHYSICAL_NAMING_STRATEGY, "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl",
                IMPLICIT_NAMING_STRATEGY, "com.acme.MyImplicitNaming"), result.hibernateProperties());
        assertEquals("Spring Boot naming: physical PhysicalNamingStrategyStandardImpl"
                + " (spring.jpa.hibernate.naming.physical-strategy in application-prod.yml line 5),"
                + " implicit MyImplicitNaming (spring.jpa.hibernate.naming.implicit-strategy in application-prod.yml line 6);"
                + " read application-prod.yml, profile prod", result.notes().get(0));
    }

    @Test
    void jpaPropertiesAreStrippedOfTheirPrefixAndOverrideTheNamingDefaults() throws IOException {
        ApplicationProperties properties = config("application.properties", """
                spring.jpa.properties.hibernate.default_schema=shop
                spring.jpa.properties.hibernate.globally_quoted_identifiers=true
                spring.jpa.properties.hibernate.physical_naming_strategy=com.acme.Physical
                spring.jpa.properties.hibernate.implicit_naming_strategy=com.acme.Implicit
                spring.jpa.open-in-view=false
                """);

        SpringBootHibernate.Result result = SpringBootHibernate.resolve(properties, BOOT3);

        assertEquals(Map.of(
                "hibernate.default_schema", "shop",
                "hibernate.globally_quoted_identifiers", "true",
                PHYSICAL_NAMING_STRATEGY, "com.acme.Physical",
                IMPLICIT_NAMING_STRATEGY, "com.acme.Implicit"), result.hibernateProperties());
        assertTrue(result.notes().get(0).contains(
                "physical Physical (spring.jpa.properties.hibernate.physical_naming_strategy in application.properties line 3)"),
                result.notes().get(0));
        assertTrue(result.notes().contains("From spring.jpa.properties: hibernate.default_schema,"
                + " hibernate.globally_quoted_identifiers, hibernate.physical_naming_strategy,"
                + " hibernate.implicit_naming_strategy"), result.notes().toString());
    }

    @Test
    void theSpringBootNamingKeyWinsOverTheJpaProperty() throws IOException {
        ApplicationProperties properties = config("application.yml", """
                spring:
                  jpa:
                    hibernate.naming.physical-strategy: com.acme.FromNaming
                    properties:
                      hibernate:
                        physical_naming_strategy: com.acme.FromJpaProperties
                """);

        SpringBootHibernate.Result result = SpringBootHibernate.resolve(properties, BOOT4);

        assertEquals("com.acme.FromNaming", result.hibernateProperties().get(PHYSICAL_NAMING_STRATEGY));
        assertEquals(BOOT4_IMPLICIT_NAMING, result.hibernateProperties().get(IMPLICIT_NAMING_STRATEGY));
    }

    @Test
    void dialectConnectionAndSchemaGenerationSettingsAreDropped() throws IOException {
        ApplicationProperties properties = config("application.yml", """
                spring:
                  jpa:
                    database-platform: org.hibernate.dialect.MySQLDialect
                    hibernate:
                      ddl-auto: update
                    properties:
                      hibernate:
                        dialect: org.hibernate.dialect.MySQLDialect
                        connection:
                          url: jdbc:mysql://db/app
                          provider_disables_autocommit: true
                        hbm2ddl:
                          auto: create
                        default_schema: ${app.schema}
                      jakarta:
                        persistence:
                          jdbc.url: jdbc:mysql://db/app
                          schema-generation.database.action: create
                          sharedCache.mode: NONE
                app.schema: inventory
                """);

        SpringBootHibernate.Result result = SpringBootHibernate.resolve(properties, BOOT3);

        assertEquals(Map.of(
                "hibernate.default_schema", "inventory",
                "jakarta.persistence.sharedCache.mode", "NONE",
                PHYSICAL_NAMING_STRATEGY, CAMEL_CASE_TO_UNDERSCORES,
                IMPLICIT_NAMING_STRATEGY, BOOT3_IMPLICIT_NAMING), result.hibernateProperties());
        assertTrue(result.notes().contains("Not passed to Hibernate (the plugin sets dialect, connection and schema"
                + " generation): spring.jpa.properties.hibernate.dialect,"
                + " spring.jpa.properties.hibernate.connection.url,"
                + " spring.jpa.properties.hibernate.connection.provider_disables_autocommit,"
                + " spring.jpa.properties.hibernate.hbm2ddl.auto,"
                + " spring.jpa.properties.jakarta.persistence.jdbc.url,"
                + " spring.jpa.properties.jakarta.persistence.schema-generation.database.action"),
                result.notes().toString());
    }

    @Test
    void aProfileChangesTheNaming() throws IOException {
        Files.writeString(dir.resolve("application.yml"), """
                spring.profiles.active: legacy
                ---
                spring.config.activate.on-profile: legacy
                spring.jpa.hibernate.naming.physical-strategy: org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl
                """);

        SpringBootHibernate.Result legacy = SpringBootHibernate.resolve(
                ApplicationProperties.load(List.of(dir), List.of()), BOOT3);
        SpringBootHibernate.Result other = SpringBootHibernate.resolve(
                ApplicationProperties.load(List.of(dir), List.of("other")), BOOT3);

        assertEquals("org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl",
                legacy.hibernateProperties().get(PHYSICAL_NAMING_STRATEGY));
        assertTrue(legacy.notes().get(0).endsWith("(spring.jpa.hibernate.naming.physical-strategy in application.yml line 4),"
                + " implicit SpringImplicitNamingStrategy (Spring Boot 3 default); read application.yml, profile legacy."
                + " Assumed, as no file sets spring.jpa.hibernate.naming.implicit-strategy: to override, set it or"
                + " -Dschema.hibernateProperties=hibernate.implicit_naming_strategy=<class>"),
                legacy.notes().get(0));
        assertEquals(CAMEL_CASE_TO_UNDERSCORES, other.hibernateProperties().get(PHYSICAL_NAMING_STRATEGY));
    }
}
