package io.schemadiff.pipeline;

import io.schemadiff.config.ApplicationProperties;
import io.schemadiff.config.QuarkusProperties;
import io.schemadiff.core.Console;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which source wins: the plugin's parameters, then Quarkus, then persistence.xml, then hibernate.cfg.xml. */
class ProjectHibernateSettingsTest {

    @TempDir
    Path resources;

    private final List<String> log = new ArrayList<>();
    private final Console console = new Console() {
        public void info(String message) { log.add(message); }
        public void warn(String message) { log.add("WARN " + message); }
        public void debug(String message) { }
    };

    private ProjectHibernateSettings resolve(Map<String, String> pluginProperties) {
        PipelineSettings settings = new PipelineSettings()
                .resourceDirectories(List.of(resources))
                .projectClassLoader(getClass().getClassLoader())
                .hibernateProperties(pluginProperties);
        return ProjectHibernateSettings.resolve(settings, ApplicationProperties.empty(),
                QuarkusProperties.load(List.of(resources), List.of()), console);
    }

    @Test
    void thePluginsParametersWinOverEveryFileAndEachFileSaysWhatItGave() throws IOException {
        Files.writeString(resources.resolve("hibernate.cfg.xml"), """
                <hibernate-configuration><session-factory>
                  <property name="hibernate.default_schema">from_cfg</property>
                  <property name="hibernate.default_catalog">cfg_catalog</property>
                  <property name="hibernate.auto_quote_keyword">true</property>
                  <mapping class="com.example.Invoice"/>
                </session-factory></hibernate-configuration>
                """);
        Files.createDirectories(resources.resolve("META-INF"));
        Files.writeString(resources.resolve("META-INF/persistence.xml"), """
                <persistence><persistence-unit name="app">
                  <class>com.example.Order</class>
                  <properties>
                    <property name="hibernate.default_schema" value="from_persistence_xml"/>
                    <property name="hibernate.default_catalog" value="persistence_catalog"/>
                  </properties>
                </persistence-unit></persistence>
                """);
        Files.writeString(resources.resolve("application.properties"),
                "%prod.quarkus.hibernate-orm.database.default-schema=from_quarkus\n");

        ProjectHibernateSettings fromFiles = resolve(Map.of());
        assertEquals(Map.of("hibernate.default_schema", "from_quarkus", "hibernate.default_catalog", "persistence_catalog",
                "hibernate.auto_quote_keyword", "true"), fromFiles.properties());
        assertEquals(List.of("com.example.Invoice", "com.example.Order"), List.copyOf(fromFiles.classes().keySet()));
        assertEquals(3, log.size(), "one line per file: " + log);

        log.clear();
        ProjectHibernateSettings withPlugin = resolve(Map.of("hibernate.default_schema", "from_pom"));
        assertEquals("from_pom", withPlugin.properties().get("hibernate.default_schema"));
        assertEquals("The plugin's hibernateProperties win over the application's files for hibernate.default_schema",
                log.get(log.size() - 1));
    }
}
