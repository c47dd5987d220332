package io.schemadiff.config;

import io.schemadiff.core.SchemaException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlywaySettingsTest {

    @TempDir
    Path dir;

    private Path project() throws IOException {
        return Files.createDirectories(dir.resolve("project"));
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static FlywaySettings locations(String... locations) {
        return new FlywaySettings(List.of(locations), Map.of(), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    // --- flyway.conf -------------------------------------------------------------------------------

    @Test
    void flywayConfIsReadWithEverySetting() throws IOException {
        Path project = project();
        Path conf = write("project/conf/flyway.conf", """
                # Flyway settings
                flyway.url=jdbc:postgresql://localhost/app
                flyway.locations=classpath:db/migration, filesystem:sql/extra,filesystem:/opt/shared/sql, db/more
                flyway.placeholders.owner=app_owner
                flyway.placeholders.tablespace = fast
                flyway.placeholderPrefix=#[
                flyway.placeholderSuffix=]
                flyway.placeholderReplacement=false
                flyway.table=schema_history
                flyway.schemas=app,audit
                flyway.defaultSchema=app
                flyway.sqlMigrationPrefix=M
                flyway.sqlMigrationSeparator=___
                flyway.sqlMigrationSuffixes=.sql, .pgsql
                flyway.repeatableSqlMigrationPrefix=RR
                flyway.baselineVersion=1.0.2
                flyway.baselineOnMigrate=TRUE
                flyway.outOfOrder=true
                flyway.encoding=ISO-8859-1
                """);

        FlywaySettings settings = FlywaySettings.fromFlywayConf(conf, project);

        assertEquals(new FlywaySettings(
                List.of("classpath:db/migration", "filesystem:" + project.resolve("sql/extra"),
                        "filesystem:/opt/shared/sql", "db/more"),
                Map.of("owner", "app_owner", "tablespace", "fast"),
                "#[", "]", false, "schema_history", List.of("app", "audit"), "app", "M", "___",
                List.of(".sql", ".pgsql"), "RR", "1.0.2", true, true, "ISO-8859-1"), settings);
    }

    @Test
    void relativeFilesystemLocationsResolveAgainstTheBaseDirectoryNotTheConfFolder() throws IOException {
        Path project = project();
        Path conf = write("elsewhere/flyway.conf", "flyway.locations=filesystem:./db/../migrations\n");

        FlywaySettings settings = FlywaySettings.fromFlywayConf(conf, project);

        assertEquals(List.of("filesystem:" + project.resolve("migrations")), settings.locations());
        assertTrue(Path.of(settings.locations().get(0).substring("filesystem:".length())).isAbsolute());
    }

    @Test
    void aMissingFlywayConfIsEmpty() throws IOException {
        FlywaySettings settings = FlywaySettings.fromFlywayConf(dir.resolve("flyway.conf"), project());

        assertEquals(FlywaySettings.EMPTY, settings);
        assertTrue(settings.isEmpty());
        assertEquals(Map.of(), settings.placeholders());
        assertNull(settings.locations());
    }

    @Test
    void blankValuesAreNotSet() throws IOException {
        Path conf = write("flyway.conf", "flyway.table=\nflyway.schemas= \nflyway.outOfOrder=\nflyway.placeholders.empty=\n");

        FlywaySettings settings = FlywaySettings.fromFlywayConf(conf, project());

        assertNull(settings.table());
        assertNull(settings.schemas());
        assertNull(settings.outOfOrder());
        assertEquals(Map.of("empty", ""), settings.placeholders(), "a placeholder may stand for nothing");
    }

    // --- flyway-maven-plugin configuration -------------------------------------------------------

    @Test
    void theMavenPluginConfigurationReadsLikeFlywayConfWithoutThePrefix() throws IOException {
        Path project = project();
        Path conf = write("flyway.conf", """
                flyway.locations=filesystem:src/main/resources/db/migration
                flyway.placeholders.owner=app
                flyway.table=history
                flyway.schemas=app
                flyway.defaultSchema=app
                flyway.sqlMigrationSuffixes=.sql
                flyway.outOfOrder=false
                flyway.baselineVersion=3
                """);
        Map<String, String> pluginConfiguration = new LinkedHashMap<>();
        pluginConfiguration.put("locations", "filesystem:src/main/resources/db/migration");
        pluginConfiguration.put("placeholders.owner", "app");
        pluginConfiguration.put("table", "history");
        pluginConfiguration.put("schemas", "app");
        pluginConfiguration.put("defaultSchema", "app");
        pluginConfiguration.put("sqlMigrationSuffixes", ".sql");
        pluginConfiguration.put("outOfOrder", "false");
        pluginConfiguration.put("baselineVersion", "3");
        pluginConfiguration.put("url", "jdbc:postgresql://db/app");

        FlywaySettings fromMap = FlywaySettings.fromMap(pluginConfiguration, project);

        assertEquals(FlywaySettings.fromFlywayConf(conf, project), fromMap);
        assertEquals(List.of("filesystem:" + project.resolve("src/main/resources/db/migration")), fromMap.locations());
        assertEquals(FlywaySettings.EMPTY, FlywaySettings.fromMap(Map.of(), project));
    }

    // --- Spring Boot ----------------------------------------------------------------------------

    @Test
    void springBootSettingsAreReadWithRelaxedKeys() throws IOException {
        write("res/application.yml", """
                spring:
                  flyway:
                    locations:
                      - classpath:db/migration/{vendor}
                      - filesystem:db/local
                    placeholders:
                      owner: ${app.owner}
                      tablespace: fast
                    placeholder-prefix: "#{"
                    placeholderSuffix: "}"
                    placeholder-replacement: on
                    table: history
                    schemas: app, audit
                    default_schema: app
                    sql-migration-prefix: M
                    sql-migration-separator: __
                    sql-migration-suffixes: [ .sql, .psql ]
                    repeatable-sql-migration-prefix: R
                    baseline-version: "1.10"
                    baseline-on-migrate: yes
                    out-of-order: "false"
                    encoding: UTF-8
                app.owner: shop_owner
                """);

        FlywaySettings settings = FlywaySettings.fromSpringBoot(
                ApplicationProperties.load(List.of(dir.resolve("res")), List.of()));

        assertEquals(new FlywaySettings(
                List.of("classpath:db/migration/{vendor}", "filesystem:db/local"),
                Map.of("owner", "shop_owner", "tablespace", "fast"),
                "#{", "}", true, "history", List.of("app", "audit"), "app", "M", "__",
                List.of(".sql", ".psql"), "R", "1.10", true, false, "UTF-8"), settings);
    }

    @Test
    void springBootWithoutFlywaySettingsLeavesEverythingUnset() throws IOException {
        write("res/application.properties", "spring.datasource.url=jdbc:postgresql://db/app\n");

        FlywaySettings settings = FlywaySettings.fromSpringBoot(
                ApplicationProperties.load(List.of(dir.resolve("res")), List.of()));

        assertEquals(FlywaySettings.EMPTY, settings);
        assertNull(settings.locations(), "no default location is made up");
        assertEquals(FlywaySettings.EMPTY, FlywaySettings.fromSpringBoot(ApplicationProperties.empty()));
    }

    @Test
    void springBootProfilesChangeFlywaySettings() throws IOException {
        write("res/application.properties", "spring.flyway.locations=classpath:db/migration\nspring.flyway.table=h\n");
        write("res/application-dev.properties", "spring.flyway.locations=classpath:db/migration,classpath:db/dev-data\n");

        FlywaySettings dev = FlywaySettings.fromSpringBoot(
                ApplicationProperties.load(List.of(dir.resolve("res")), List.of("dev")));

        assertEquals(List.of("classpath:db/migration", "classpath:db/dev-data"), dev.locations());
        assertEquals("h", dev.table());
    }

    // --- merge ---------------------------------------------------------------------------------------

    @Test
    void mergeTakesTheFirstSetValuePerFieldAndPerPlaceholder() {
        FlywaySettings maven = new FlywaySettings(null, Map.of("owner", "maven"), null, null, null, "maven_history",
                null, null, null, null, null, null, null, null, true, null);
        FlywaySettings conf = new FlywaySettings(List.of("classpath:conf"), Map.of("owner", "conf", "ts", "conf"),
                "#[", null, null, "conf_history", List.of("conf"), null, null, null, null, null, null, null, false, null);
        FlywaySettings spring = new FlywaySettings(List.of("classpath:spring"), Map.of("ts", "spring", "x", "spring"),
                "${", "}", false, "spring_history", List.of("spring"), "spring", "V", "__", List.of(".sql"), "R", "1",
                true, null, "UTF-8");

        FlywaySettings merged = FlywaySettings.merge(maven, null, conf, spring);

        assertEquals(new FlywaySettings(List.of("classpath:conf"),
                Map.of("owner", "maven", "ts", "conf", "x", "spring"),
                "#[", "}", false, "maven_history", List.of("conf"), "spring", "V", "__", List.of(".sql"), "R", "1",
                true, true, "UTF-8"), merged);
        assertEquals(FlywaySettings.EMPTY, FlywaySettings.merge());
        assertEquals(spring, FlywaySettings.merge(FlywaySettings.EMPTY, spring));
    }

    // --- locations -----------------------------------------------------------------------------------

    @Test
    void resolvedLocationsSubstituteTheVendorAndAddClasspathToBareOnes() {
        FlywaySettings settings = locations("db/{vendor}", "classpath:common", "filesystem:/x/{vendor}/y");

        assertEquals(List.of("classpath:db/postgresql", "classpath:common", "filesystem:/x/postgresql/y"),
                settings.resolvedLocations("postgresql"));
        assertEquals(List.of("classpath:db/migration"), FlywaySettings.EMPTY.resolvedLocations("postgresql"));
    }

    @Test
    void theFirstFilesystemFolderIsAFilesystemLocationOrAClasspathOneUnderAResourceRoot() throws IOException {
        Path project = project();
        List<Path> roots = List.of(Path.of("src/main/resources"), Path.of("src/main/sql"));

        assertEquals(project.resolve("migrations"),
                locations("filesystem:migrations", "classpath:db/migration").firstFilesystemFolder(project, roots));
        assertEquals(Path.of("/opt/sql"),
                locations("filesystem:/opt/sql").firstFilesystemFolder(project, roots));
        assertEquals(project.resolve("src/main/resources/db/migration"),
                FlywaySettings.EMPTY.firstFilesystemFolder(project, roots), "Flyway's default location");
        assertEquals(project.resolve("src/main/resources/db/migration"),
                locations("classpath:/db/migration/", "filesystem:other").firstFilesystemFolder(project, roots));

        Files.createDirectories(project.resolve("src/main/sql/db/migration"));
        assertEquals(project.resolve("src/main/sql/db/migration"),
                locations("db/migration").firstFilesystemFolder(project, roots), "the root that has the folder");

        assertEquals(project.resolve("src/main/resources/db/postgresql"),
                locations("classpath:db/**/common", "db/{vendor}").firstFilesystemFolder(project, roots, "postgresql"),
                "wildcards are passed over");
    }

    @Test
    void noWritableLocationIsAnError() throws IOException {
        Path project = project();

        SchemaException noRoot = assertThrows(SchemaException.class,
                () -> locations("classpath:db/migration").firstFilesystemFolder(project, List.of()));
        assertTrue(noRoot.getMessage().contains("classpath:db/migration"), noRoot.getMessage());

        SchemaException vendor = assertThrows(SchemaException.class,
                () -> locations("db/{vendor}").firstFilesystemFolder(project, List.of(Path.of("src/main/resources"))));
        assertTrue(vendor.getMessage().contains("{vendor}"), vendor.getMessage());
    }

    // --- bad values ----------------------------------------------------------------------------------

    @Test
    void aBadBooleanInFlywayConfNamesTheFileLineAndKey() throws IOException {
        Path conf = write("flyway.conf", "flyway.table=t\nflyway.outOfOrder=maybe\n");

        SchemaException error = assertThrows(SchemaException.class,
                () -> FlywaySettings.fromFlywayConf(conf, dir));

        assertEquals("Bad Flyway setting flyway.outOfOrder in " + conf + " line 2: 'maybe' is not true or false",
                error.getMessage());
    }

    @Test
    void flywayConfTakesOnlyTrueOrFalseWhereSpringBootTakesYesAndOn() throws IOException {
        Path conf = write("flyway.conf", "flyway.baselineOnMigrate=yes\n");
        assertThrows(SchemaException.class, () -> FlywaySettings.fromFlywayConf(conf, dir));

        write("res/application.properties", "spring.flyway.baseline-on-migrate=yes\n");
        assertEquals(true, FlywaySettings.fromSpringBoot(
                ApplicationProperties.load(List.of(dir.resolve("res")), List.of())).baselineOnMigrate());
    }

    @Test
    void anUnknownLocationPrefixIsAnErrorNamingTheSourceAndKey() throws IOException {
        SchemaException error = assertThrows(SchemaException.class,
                () -> FlywaySettings.fromMap(Map.of("locations", "classpath:db/migration,s3:bucket/migrations"), dir));

        assertTrue(error.getMessage().contains("<locations> in the flyway-maven-plugin configuration"), error.getMessage());
        assertTrue(error.getMessage().contains("'s3:bucket/migrations'"), error.getMessage());
        assertTrue(error.getMessage().contains("prefix 's3:'"), error.getMessage());
    }

    @Test
    void badSpringBootValuesNameTheSpringKeyAndWhereItIsSet() throws IOException {
        write("res/application.yml", "spring:\n  flyway:\n    outOfOrder: sometimes\n");

        SchemaException error = assertThrows(SchemaException.class, () -> FlywaySettings.fromSpringBoot(
                ApplicationProperties.load(List.of(dir.resolve("res")), List.of())));

        // the file by its name, as every Spring Boot and Quarkus setting is named: no machine path in the log
        assertEquals("Bad Flyway setting spring.flyway.out-of-order in application.yml line 3: 'sometimes' is not"
                + " true or false", error.getMessage());
    }

    @Test
    void badVersionsEncodingsAndEmptyFilesystemLocationsAreErrors() throws IOException {
        Path project = project();

        SchemaException version = assertThrows(SchemaException.class,
                () -> FlywaySettings.fromMap(Map.of("baselineVersion", "1.a"), project));
        assertTrue(version.getMessage().contains("<baselineVersion>"), version.getMessage());

        SchemaException encoding = assertThrows(SchemaException.class,
                () -> FlywaySettings.fromMap(Map.of("encoding", "no-such-charset"), project));
        assertTrue(encoding.getMessage().contains("<encoding>"), encoding.getMessage());

        Path conf = write("flyway.conf", "flyway.locations=filesystem:\n");
        SchemaException empty = assertThrows(SchemaException.class, () -> FlywaySettings.fromFlywayConf(conf, project));
        assertTrue(empty.getMessage().contains("flyway.locations in " + conf + " line 1"), empty.getMessage());
    }

    @Test
    void aMalformedFlywayConfNamesTheFileAndLine() throws IOException {
        Path conf = write("flyway.conf", "flyway.table=t\n\nflyway.placeholders.x=\\uZZZZ\n");

        SchemaException error = assertThrows(SchemaException.class, () -> FlywaySettings.fromFlywayConf(conf, dir));

        assertTrue(error.getMessage().contains(conf + " line 3"), error.getMessage());
    }
}
