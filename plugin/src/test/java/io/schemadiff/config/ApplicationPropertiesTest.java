package io.schemadiff.config;

import io.schemadiff.core.SchemaException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationPropertiesTest {

    @TempDir
    Path dir;

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private ApplicationProperties load(String... profiles) {
        return ApplicationProperties.load(List.of(dir.resolve("res")), List.of(profiles));
    }

    // --- files and their precedence -------------------------------------------------------------

    @Test
    void propertiesWinOverYmlAndYmlOverYamlInOneFolder() throws IOException {
        write("res/application.yaml", "a: yaml\nb: yaml\nc: yaml\nd: yaml\n");
        write("res/application.yml", "a: yml\nb: yml\nc: yml\n");
        write("res/application.properties", "a=properties\n");

        ApplicationProperties properties = load();

        assertEquals(Optional.of("properties"), properties.get("a"));
        assertEquals(Optional.of("yml"), properties.get("b"));
        assertEquals(Optional.of("yml"), properties.get("c"));
        assertEquals(Optional.of("yaml"), properties.get("d"));
        assertEquals(Optional.empty(), properties.get("e"));
        assertEquals(List.of(dir.resolve("res/application.yaml"), dir.resolve("res/application.yml"),
                dir.resolve("res/application.properties")), properties.files());
    }

    @Test
    void theFirstFolderThatHasAFileWinsForThatFileOnly() throws IOException {
        write("target/classes/application.yml", "app.name: filtered\n");
        write("src/main/resources/application.yml", "app.name: '@project.name@'\napp.only-in-source: yes\n");
        write("src/main/resources/application.properties", "app.from-properties=1\n");

        ApplicationProperties properties = ApplicationProperties.load(
                List.of(dir.resolve("target/classes"), dir.resolve("src/main/resources"), dir.resolve("missing")),
                List.of());

        assertEquals(Optional.of("filtered"), properties.get("app.name"));
        assertEquals(Optional.empty(), properties.get("app.only-in-source"), "the source copy of the file is not read");
        assertEquals(Optional.of("1"), properties.get("app.from-properties"));
    }

    @Test
    void noFilesIsEmpty() {
        ApplicationProperties properties = load();

        assertTrue(properties.isEmpty());
        assertEquals(List.of(), properties.files());
        assertEquals(List.of(), properties.activeProfiles());
        assertEquals(Map.of(), properties.withPrefix("spring"));
        assertTrue(ApplicationProperties.empty().isEmpty());
    }

    // --- profiles ---------------------------------------------------------------------------------

    @Test
    void explicitProfilesApplyInOrderOverTheBaseFiles() throws IOException {
        write("res/application.properties", "a=base\nb=base\nc=base\nd=base\n");
        write("res/application-dev.yml", "a: dev\nb: dev\n");
        write("res/application-prod.properties", "a=prod\n");
        write("res/application-prod.yml", "a: prod-yml\nc: prod-yml\n");

        ApplicationProperties properties = load("dev", "prod");

        assertEquals(Optional.of("prod"), properties.get("a"), "later profile wins, .properties over .yml");
        assertEquals(Optional.of("dev"), properties.get("b"), "a profile file wins over application.properties");
        assertEquals(Optional.of("prod-yml"), properties.get("c"));
        assertEquals(Optional.of("base"), properties.get("d"));
        assertEquals(List.of("dev", "prod"), properties.activeProfiles());

        ApplicationProperties reversed = load("prod,dev");
        assertEquals(Optional.of("dev"), reversed.get("a"), "comma-separated profiles, dev last");
        assertEquals(List.of("prod", "dev"), reversed.activeProfiles());
    }

    @Test
    void springProfilesActiveInTheBaseFileActivatesProfilesWhenNoneIsGiven() throws IOException {
        write("res/application.yml", "spring:\n  profiles:\n    active: local, h2\nx: base\n");
        write("res/application-local.yml", "x: local\ny: local\n");
        write("res/application-h2.properties", "x=h2\n");
        write("res/application-other.properties", "x=other\n");

        ApplicationProperties fromFile = load();
        assertEquals(List.of("local", "h2"), fromFile.activeProfiles());
        assertEquals(Optional.of("h2"), fromFile.get("x"));
        assertEquals(Optional.of("local"), fromFile.get("y"));

        ApplicationProperties explicit = load("other");
        assertEquals(List.of("other"), explicit.activeProfiles(), "explicit profiles replace spring.profiles.active");
        assertEquals(Optional.of("other"), explicit.get("x"));
        assertEquals(Optional.empty(), explicit.get("y"));
    }

    @Test
    void springProfilesActiveAsYamlListAndFromProperties() throws IOException {
        write("res/application.yml", "spring.profiles.active:\n  - one\n  - two\n");
        write("res/application.properties", "spring.profiles.active=three\n");
        write("res/application-three.properties", "picked=three\n");

        ApplicationProperties properties = load();

        assertEquals(List.of("three"), properties.activeProfiles(), "application.properties wins, lists do not merge");
        assertEquals(Optional.of("three"), properties.get("picked"));
    }

    @Test
    void withNoActiveProfileTheDefaultProfileIsInEffect() throws IOException {
        write("res/application.yml", """
                mode: base
                ---
                spring.config.activate.on-profile: default
                mode: default-document
                ---
                spring.config.activate.on-profile: prod
                mode: prod-document
                """);
        write("res/application-default.properties", "extra=from-default-file\n");

        ApplicationProperties properties = load();

        assertEquals(List.of(), properties.activeProfiles());
        assertEquals(Optional.of("default-document"), properties.get("mode"));
        assertEquals(Optional.of("from-default-file"), properties.get("extra"));

        ApplicationProperties prod = load("prod");
        assertEquals(Optional.of("prod-document"), prod.get("mode"));
        assertEquals(Optional.empty(), prod.get("extra"));
    }

    // --- multi-document files ----------------------------------------------------------------------

    @Test
    void multiDocumentYamlAppliesOnProfileDocumentsOnlyForActiveProfiles() throws IOException {
        write("res/application.yml", """
                spring:
                  flyway:
                    schemas: app
                    table: history
                ---
                spring:
                  config:
                    activate:
                      on-profile: prod
                  flyway:
                    schemas: prod_schema
                ---
                spring.config.activate.on-profile: "!prod"
                spring.flyway.table: not_prod_history
                ---
                spring.config.activate.on-profile: [ staging, qa ]
                spring.flyway.table: staging_or_qa
                ---
                spring.config.activate.on-profile: "prod & (eu | us)"
                spring.flyway.table: prod_regional
                ---
                spring.config.activate.on-cloud-platform: kubernetes
                spring.flyway.table: cloud_only
                """);

        ApplicationProperties none = load();
        assertEquals(Optional.of("app"), none.get("spring.flyway.schemas"));
        assertEquals(Optional.of("not_prod_history"), none.get("spring.flyway.table"));

        ApplicationProperties prod = load("prod");
        assertEquals(Optional.of("prod_schema"), prod.get("spring.flyway.schemas"));
        assertEquals(Optional.of("history"), prod.get("spring.flyway.table"));

        assertEquals(Optional.of("staging_or_qa"), load("qa").get("spring.flyway.table"));
        assertEquals(Optional.of("prod_regional"), load("prod", "eu").get("spring.flyway.table"));
    }

    @Test
    void profileDocumentsInsideApplicationYmlStayBelowProfileFiles() throws IOException {
        write("res/application.yml", "k: base\n---\nspring.config.activate.on-profile: prod\nk: yml-prod-document\n");
        write("res/application-prod.yml", "other: 1\n");

        assertEquals(Optional.of("yml-prod-document"), load("prod").get("k"));

        write("res/application-prod.yml", "k: prod-file\n");
        assertEquals(Optional.of("prod-file"), load("prod").get("k"));
    }

    @Test
    void multiDocumentPropertiesUseHashDashes() throws IOException {
        write("res/application.properties", """
                a=base
                b=base
                #---
                spring.config.activate.on-profile=prod
                a=prod
                !---
                spring.config.activate.on-profile=dev
                b=dev
                """);

        assertEquals(Optional.of("base"), load().get("a"));
        assertEquals(Optional.of("prod"), load("prod").get("a"));
        assertEquals(Optional.of("base"), load("prod").get("b"));
        assertEquals(Optional.of("dev"), load("dev").get("b"));
    }

    @Test
    void aBadProfileExpressionNamesTheFileAndLine() throws IOException {
        write("res/application.yml", "a: 1\n---\nspring.config.activate.on-profile: \"prod & \"\na: 2\n");

        SchemaException error = assertThrows(SchemaException.class, this::load);

        assertTrue(error.getMessage().contains("application.yml line 3"), error.getMessage());
    }

    // --- YAML flattening and lists -------------------------------------------------------------------

    @Test
    void yamlIsFlattenedToSpringKeys() throws IOException {
        write("res/application.yml", """
                spring:
                  jpa:
                    properties:
                      hibernate.default_schema: app
                      "[hibernate.format_sql]": true
                  flyway:
                    locations:
                      - classpath:db/migration
                      - filesystem:sql
                    enabled: yes
                    baseline-version: 1.10
                    placeholders:
                      empty:
                      nothing: []
                    when: 2024-01-01
                defaults: &defaults
                  pool: 5
                  name: base
                primary:
                  <<: *defaults
                  name: primary
                numbered:
                  1: one
                """);

        ApplicationProperties properties = load();

        assertEquals(Optional.of("app"), properties.get("spring.jpa.properties.hibernate.default_schema"));
        assertEquals(Optional.of("true"), properties.get("spring.jpa.properties[hibernate.format_sql]"));
        assertEquals(Optional.of("classpath:db/migration"), properties.get("spring.flyway.locations[0]"));
        assertEquals(Optional.of("filesystem:sql"), properties.get("spring.flyway.locations[1]"));
        assertEquals(Optional.empty(), properties.get("spring.flyway.locations"));
        assertEquals(Optional.of("true"), properties.get("spring.flyway.enabled"), "YAML 1.1 boolean, as Spring reads it");
        assertEquals(Optional.of("1.1"), properties.get("spring.flyway.baseline-version"), "a float, as Spring reads it");
        assertEquals(Optional.of(""), properties.get("spring.flyway.placeholders.empty"));
        assertEquals(Optional.of(""), properties.get("spring.flyway.placeholders.nothing"));
        assertEquals(Optional.of("2024-01-01"), properties.get("spring.flyway.when"), "timestamps stay text");
        assertEquals(Optional.of("5"), properties.get("primary.pool"));
        assertEquals(Optional.of("primary"), properties.get("primary.name"));
        assertEquals(Optional.of("one"), properties.get("numbered[1]"));
        assertEquals(Optional.of(new ApplicationProperties.Origin(dir.resolve("res/application.yml"), 4)),
                properties.origin("spring.jpa.properties.hibernate.default_schema"));
    }

    @Test
    void listsComeFromCommasOrIndexesAndWholeFromOneFile() throws IOException {
        write("res/application.yml", """
                commas: "a, b,,c "
                yaml-list:
                  - x
                  - y
                  - z
                overridden:
                  - one
                  - two
                  - three
                """);
        write("res/application.properties", "brackets[]=p, q\\,r\nindexed[1]=second\nindexed[0]=first\n");
        write("res/application-prod.yml", "overridden: [ only ]\n");

        ApplicationProperties properties = load("prod");

        assertEquals(List.of("a", "b", "c"), properties.list("commas"));
        assertEquals(List.of("x", "y", "z"), properties.list("yaml-list"));
        assertEquals(List.of("x", "y", "z"), properties.list("yamlList"));
        assertEquals(List.of("p", "q,r"), properties.list("brackets"));
        assertEquals(List.of("first", "second"), properties.list("indexed"));
        assertEquals(List.of("only"), properties.list("overridden"), "a list is replaced, not merged");
        assertEquals(List.of(), properties.list("absent"));
        assertEquals(Optional.of(new ApplicationProperties.Origin(dir.resolve("res/application.yml"), 3)),
                properties.origin("yaml-list"));
    }

    // --- relaxed binding and prefixes -------------------------------------------------------------

    @Test
    void relaxedBindingFindsCamelSnakeAndKebabForms() throws IOException {
        write("res/application.properties", """
                spring.flyway.defaultSchema=camel
                spring.flyway.sql_migration_prefix=snake
                SPRING.FLYWAY.OUT-OF-ORDER=true
                """);

        ApplicationProperties properties = load();

        assertEquals(Optional.of("camel"), properties.get("spring.flyway.default-schema"));
        assertEquals(Optional.of("camel"), properties.get("spring.flyway.default_schema"));
        assertEquals(Optional.of("snake"), properties.get("spring.flyway.sql-migration-prefix"));
        assertEquals(Optional.of("snake"), properties.get("spring.flyway.sqlMigrationPrefix"));
        assertEquals(Optional.of("true"), properties.get("spring.flyway.out-of-order"));
    }

    @Test
    void relaxedFormsOfOneKeyOverrideEachOtherByFilePrecedence() throws IOException {
        write("res/application.properties", "spring.flyway.default_schema=base\n");
        write("res/application-prod.yml", "spring:\n  flyway:\n    defaultSchema: prod\n");

        assertEquals(Optional.of("prod"), load("prod").get("spring.flyway.default-schema"));
    }

    @Test
    void withPrefixKeepsTheRestOfEachKeyAsWrittenAndMergesAcrossFiles() throws IOException {
        write("res/application.yml", """
                spring:
                  jpa:
                    properties:
                      hibernate:
                        default_schema: app
                        globally_quoted_identifiers: false
                """);
        write("res/application.properties", """
                spring.jpa.properties.hibernate.globally_quoted_identifiers=true
                spring.jpa.properties[hibernate.format_sql]=true
                spring.jpa.open-in-view=false
                """);

        Map<String, String> jpa = load().withPrefix("spring.jpa.properties.");

        assertEquals(Map.of(
                "hibernate.default_schema", "app",
                "hibernate.globally_quoted_identifiers", "true",
                "hibernate.format_sql", "true"), jpa);
        assertEquals(jpa, load().withPrefix("spring.jpa.properties"));
        assertEquals(jpa, load().withPrefix("spring.JPA.Properties"));
    }

    // --- placeholders -------------------------------------------------------------------------------

    @Test
    void placeholdersResolveAmongThePropertiesThenSystemPropertiesThenDefaults() throws IOException {
        write("res/application.yml", """
                app:
                  schema: shop
                  table: ${app.schema}_history
                  nested: ${app.missing:${app.schema}}-x
                  fallback: ${app.missing:plain:with:colons}
                  unresolved: ${app.missing}
                  relaxed: ${app.other-name}
                  otherName: found
                  from-system: ${schemadiff.test.system.property}
                  from-env: ${PATH:none}
                  braces: ${app.missing:{literal}}
                """);
        System.setProperty("schemadiff.test.system.property", "sys");
        try {
            ApplicationProperties properties = load();

            assertEquals(Optional.of("shop_history"), properties.get("app.table"));
            assertEquals(Optional.of("shop-x"), properties.get("app.nested"));
            assertEquals(Optional.of("plain:with:colons"), properties.get("app.fallback"));
            assertEquals(Optional.of("${app.missing}"), properties.get("app.unresolved"));
            assertEquals(Optional.of("found"), properties.get("app.relaxed"));
            assertEquals(Optional.of("sys"), properties.get("app.from-system"));
            assertEquals(Optional.of(System.getenv().getOrDefault("PATH", "none")), properties.get("app.from-env"));
            assertEquals(Optional.of("{literal}"), properties.get("app.braces"));
            assertEquals("shop_history", properties.withPrefix("app").get("table"));
        } finally {
            System.clearProperty("schemadiff.test.system.property");
        }
    }

    @Test
    void placeholdersSeeTheWinningValueOfTheReferencedKey() throws IOException {
        write("res/application.properties", "schema=base\ntable=${schema}.history\nlist=${schema}_a, ${schema}_b\n");
        write("res/application-prod.properties", "schema=prod\n");

        ApplicationProperties properties = load("prod");

        assertEquals(Optional.of("prod.history"), properties.get("table"));
        assertEquals(List.of("prod_a", "prod_b"), properties.list("list"));
    }

    @Test
    void aPlaceholderCycleIsAnErrorNamingTheKey() throws IOException {
        write("res/application.yml", "a: ${b}\nb: x-${c}\nc: ${a}\nself: ${self}\nok: fine\n");

        ApplicationProperties properties = load();

        SchemaException cycle = assertThrows(SchemaException.class, () -> properties.get("a"));
        assertTrue(cycle.getMessage().contains("'a'"), cycle.getMessage());
        assertTrue(cycle.getMessage().contains("a -> b -> c -> a"), cycle.getMessage());
        assertTrue(cycle.getMessage().contains("application.yml line 1"), cycle.getMessage());

        SchemaException self = assertThrows(SchemaException.class, () -> properties.get("self"));
        assertTrue(self.getMessage().contains("'self'"), self.getMessage());

        assertEquals(Optional.of("fine"), properties.get("ok"), "unrelated keys still resolve");
    }

    // --- malformed files ------------------------------------------------------------------------------

    @Test
    void malformedYamlNamesTheFileAndTheLine() throws IOException {
        Path file = write("res/application.yml", "spring:\n  flyway:\n    table: x\n   bad: [unclosed\n");

        SchemaException error = assertThrows(SchemaException.class, this::load);

        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("line 4"), error.getMessage());
    }

    @Test
    void malformedYamlInALaterDocumentNamesItsLine() throws IOException {
        write("res/application.yml", "a: 1\n---\nb: 2\n---\nc: \"unterminated\nd: 4\n");

        SchemaException error = assertThrows(SchemaException.class, this::load);

        assertTrue(error.getMessage().contains("application.yml"), error.getMessage());
        assertTrue(error.getMessage().contains("starts at line 5"), error.getMessage());
    }

    @Test
    void duplicateYamlKeysAreAnErrorAtTheSecondKey() throws IOException {
        write("res/application-prod.yml", "spring:\n  flyway:\n    table: a\n    table: b\n");

        SchemaException error = assertThrows(SchemaException.class, () -> load("prod"));

        assertTrue(error.getMessage().contains("application-prod.yml at line 4"), error.getMessage());
        assertTrue(error.getMessage().contains("duplicate key 'table'"), error.getMessage());
    }

    @Test
    void aYamlDocumentThatIsNotAMapIsAnError() throws IOException {
        write("res/application.yaml", "a: 1\n---\n- just\n- a list\n");

        SchemaException error = assertThrows(SchemaException.class, this::load);

        assertTrue(error.getMessage().contains("application.yaml at line 3"), error.getMessage());
    }

    @Test
    void malformedPropertiesNameTheFileAndTheLine() throws IOException {
        Path file = write("res/application.properties", "a=1\n# comment\nb=\\u12G4\n");

        SchemaException error = assertThrows(SchemaException.class, this::load);

        assertTrue(error.getMessage().contains(file + " line 3"), error.getMessage());
    }

    @Test
    void propertiesSyntaxEscapesContinuationsAndSeparators() throws IOException {
        Path file = dir.resolve("res/application.properties");
        Files.createDirectories(file.getParent());
        Files.write(file, ("""
                # comment
                ! also a comment
                   indented = value with spaces\s
                colon:value
                space value
                continued = first, \\
                     second
                escaped\\=key = tab\\there \\u00e9
                latin=\u00e9
                empty=
                """).getBytes(StandardCharsets.ISO_8859_1));

        ApplicationProperties properties = load();

        assertEquals(Optional.of("value with spaces "), properties.get("indented"));
        assertEquals(Optional.of("value"), properties.get("colon"));
        assertEquals(Optional.of("value"), properties.get("space"));
        assertEquals(Optional.of("first, second"), properties.get("continued"));
        assertEquals(Optional.of("tab\there \u00e9"), properties.get("escaped=key"));
        assertEquals(Optional.of("\u00e9"), properties.get("latin"), "application.properties is ISO-8859-1 in Spring Boot");
        assertEquals(Optional.of(""), properties.get("empty"));
        assertEquals(Optional.of(new ApplicationProperties.Origin(file, 6)), properties.origin("continued"));
    }
}
