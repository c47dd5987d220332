package io.schemadiff.config;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Quarkus application's application.properties: profiles, Hibernate ORM and Envers, Flyway, the database. */
class QuarkusSettingsTest {

    private static final String APPLICATION = """
            quarkus.datasource.db-kind=h2
            %prod.quarkus.datasource.db-kind=postgresql
            quarkus.hibernate-orm.physical-naming-strategy=org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl
            %prod.quarkus.hibernate-orm.physical-naming-strategy=org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy
            quarkus.hibernate-orm.database.default-schema=${app.schema:inventory}
            quarkus.hibernate-orm.quote-identifiers.strategy=only-keywords
            quarkus.hibernate-orm.unsupported-properties."hibernate.type.preferred_uuid_jdbc_type"=CHAR
            quarkus.hibernate-orm.unsupported-properties."hibernate.connection.url"=jdbc:postgresql://db/app
            %prod.quarkus.hibernate-envers.audit-strategy=org.hibernate.envers.strategy.ValidityAuditStrategy
            quarkus.hibernate-envers.audit-table-suffix=_history
            quarkus.flyway.locations=db/migration,filesystem:sql/shared
            %dev.quarkus.flyway.locations=db/dev
            quarkus.flyway.table=schema_history
            quarkus.flyway.baseline-on-migrate=true
            quarkus.flyway.placeholders."tenant"=acme
            quarkus.flyway.sql-migration-prefix=M
            """;

    @TempDir
    Path dir;

    private QuarkusProperties load(String content, String... profiles) throws IOException {
        Files.writeString(dir.resolve("application.properties"), content);
        return QuarkusProperties.load(List.of(dir), List.of(profiles));
    }

    @Test
    void prodIsTheProfileOfAPackagedApplicationAndItsKeysWin() throws IOException {
        QuarkusProperties quarkus = load(APPLICATION);

        assertEquals(List.of("prod"), quarkus.profiles());
        assertEquals("postgresql", quarkus.get("quarkus.datasource.db-kind").orElseThrow());
        assertEquals("%prod.quarkus.datasource.db-kind in application.properties line 2",
                quarkus.value("quarkus.datasource.db-kind").orElseThrow().where());
        assertEquals("inventory", quarkus.get("quarkus.hibernate-orm.database.default-schema").orElseThrow(),
                "${key:default} falls back to its default");
    }

    @Test
    void anotherProfileIsChosenWithSchemaProfileAndTheLastOneWins() throws IOException {
        QuarkusProperties dev = load(APPLICATION, "dev");
        assertEquals("h2", dev.get("quarkus.datasource.db-kind").orElseThrow());
        assertEquals("db/dev", dev.get("quarkus.flyway.locations").orElseThrow());

        QuarkusProperties both = load("%a.k=1\n%b.k=2\n%a,c.k=3\n", "a,b");
        assertEquals("2", both.get("k").orElseThrow(), "b comes last, so its value wins");
    }

    @Test
    void aProfileFileWinsOverTheMainFile() throws IOException {
        Files.writeString(dir.resolve("application-prod.properties"), "quarkus.flyway.table=prod_history\n");
        QuarkusProperties quarkus = load(APPLICATION);
        assertEquals("prod_history", quarkus.get("quarkus.flyway.table").orElseThrow());
        assertEquals(2, quarkus.files().size());
    }

    @Test
    void hibernateOrmAndEnversSettingsBecomeHibernatesOwn() throws IOException {
        ApplicationHibernate result = QuarkusHibernate.resolve(load(APPLICATION), name -> false);

        assertEquals(Map.of(
                "hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
                "hibernate.default_schema", "inventory",
                "hibernate.auto_quote_keyword", "true",
                "hibernate.type.preferred_uuid_jdbc_type", "CHAR",
                "org.hibernate.envers.audit_strategy", "org.hibernate.envers.strategy.ValidityAuditStrategy",
                "org.hibernate.envers.audit_table_suffix", "_history"), result.properties());
        assertEquals(1, result.notes().size(), "one log line says what was read");
        String note = result.notes().get(0);
        assertTrue(note.startsWith("Quarkus settings (profile prod) from application.properties: "), note);
        assertTrue(note.contains("hibernate.physical_naming_strategy=CamelCaseToUnderscoresNamingStrategy"
                + " (%prod.quarkus.hibernate-orm.physical-naming-strategy in application.properties line 4)"), note);
        assertTrue(note.contains("org.hibernate.envers.audit_strategy=ValidityAuditStrategy"
                + " (%prod.quarkus.hibernate-envers.audit-strategy in application.properties line 9)"), note);
        assertTrue(note.endsWith("left out (the plugin's own): hibernate.connection.url"), note);
    }

    @Test
    void withoutQuarkusThereIsNothing() throws IOException {
        assertEquals(ApplicationHibernate.NONE,
                QuarkusHibernate.resolve(load("spring.jpa.open-in-view=false\n"), name -> false));
        ApplicationHibernate onClasspath = QuarkusHibernate.resolve(load("greeting=hello\n"),
                QuarkusHibernate.QUARKUS::equals);
        assertEquals(Map.of(), onClasspath.properties());
        assertTrue(onClasspath.notes().get(0).contains("no quarkus.hibernate-orm/-envers setting"),
                onClasspath.notes().toString());
    }

    @Test
    void aBadQuotingStrategyNamesKeyFileAndLine() throws IOException {
        QuarkusProperties quarkus = load("quarkus.datasource.db-kind=postgresql\n"
                + "quarkus.hibernate-orm.quote-identifiers.strategy=sometimes\n");
        SchemaException e = assertThrows(SchemaException.class, () -> QuarkusHibernate.resolve(quarkus, n -> false));
        assertTrue(e.getMessage().contains("quarkus.hibernate-orm.quote-identifiers.strategy in application.properties"
                + " line 2: 'sometimes'"), e.getMessage());
    }

    @Test
    void aMalformedFileNamesFileAndLine() throws IOException {
        SchemaException e = assertThrows(SchemaException.class, () -> load("a=1\nb=\\u12G4\n"));
        assertTrue(e.getMessage().contains("application.properties line 2"), e.getMessage());
        SchemaException noName = assertThrows(SchemaException.class, () -> load("a=1\n%prod=2\n"));
        assertTrue(noName.getMessage().contains("line 2"), noName.getMessage());
    }

    @Test
    void aSpringBootFileInIso88591IsStillReadable() throws IOException {
        Files.write(dir.resolve("application.properties"),
                "app.greeting=gr\u00fc\u00df dich\nquarkus.flyway.table=h\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        QuarkusProperties quarkus = QuarkusProperties.load(List.of(dir), List.of());
        assertEquals("gr\u00fc\u00df dich", quarkus.get("app.greeting").orElseThrow());
    }

    @Test
    void quarkusFlywaySettingsFeedFlywaySettings() throws IOException {
        FlywaySettings flyway = FlywaySettings.fromQuarkus(load(APPLICATION), dir);

        assertEquals(List.of("db/migration", "filesystem:" + dir.resolve("sql/shared")), flyway.locations());
        assertEquals("schema_history", flyway.table());
        assertEquals(Boolean.TRUE, flyway.baselineOnMigrate());
        assertEquals(Map.of("tenant", "acme"), flyway.placeholders());
        assertEquals("M", flyway.sqlMigrationPrefix());

        SchemaException bad = assertThrows(SchemaException.class, () -> FlywaySettings.fromQuarkus(
                load("x=1\n%prod.quarkus.flyway.out-of-order=maybe\n"), dir));
        assertTrue(bad.getMessage().contains("%prod.quarkus.flyway.out-of-order in application.properties line 2"),
                bad.getMessage());
    }

    @Test
    void theDatabaseKindChoosesTheDialect() throws IOException {
        DatabaseUrls.Detected detected = DatabaseUrls.detect(Map.of(), List.of(), ApplicationProperties.empty(),
                load(APPLICATION)).orElseThrow();
        assertEquals(Dialect.POSTGRESQL, detected.dialect());
        assertEquals("%prod.quarkus.datasource.db-kind in application.properties line 2", detected.source());

        assertEquals(Dialect.MARIADB, DatabaseUrls.detect(Map.of(), List.of(), ApplicationProperties.empty(),
                load("quarkus.datasource.jdbc.url=jdbc:mariadb://db/shop\n")).orElseThrow().dialect());
        assertFalse(DatabaseUrls.detect(Map.of(), List.of(), ApplicationProperties.empty(),
                load("quarkus.datasource.db-kind=h2\n")).isPresent(), "H2 is passed over");
        assertThrows(SchemaException.class, () -> DatabaseUrls.detect(Map.of(), List.of(),
                ApplicationProperties.empty(), load("quarkus.datasource.db-kind=mysql\n")));
    }
}
