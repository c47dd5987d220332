package io.schemadiff.config;

import io.schemadiff.core.SchemaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** hibernate.cfg.xml and META-INF/persistence.xml: their schema properties and the classes they list. */
class HibernateXmlFilesTest {

    private static final String CFG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE hibernate-configuration PUBLIC
                    "-//Hibernate/Hibernate Configuration DTD 3.0//EN"
                    "http://www.hibernate.org/dtd/hibernate-configuration-3.0.dtd">
            <hibernate-configuration>
              <session-factory>
                <property name="connection.url">jdbc:postgresql://db/app</property>
                <property name="hibernate.dialect">org.hibernate.dialect.PostgreSQLDialect</property>
                <property name="default_schema">billing</property>
                <property name="hibernate.globally_quoted_identifiers">true</property>
                <mapping class="com.example.billing.Invoice"/>
                <mapping resource="legacy/Payment.hbm.xml"/>
              </session-factory>
            </hibernate-configuration>
            """;

    private static final String PERSISTENCE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
              <persistence-unit name="shop">
                <class>com.example.shop.entity.Order</class>
                <class>com.example.shop.entity.Customer</class>
                <properties>
                  <property name="jakarta.persistence.jdbc.url" value="jdbc:postgresql://db/shop"/>
                  <property name="hibernate.physical_naming_strategy" value="com.example.Naming"/>
                  <property name="org.hibernate.envers.audit_strategy"
                            value="org.hibernate.envers.strategy.ValidityAuditStrategy"/>
                </properties>
              </persistence-unit>
              <persistence-unit name="reporting">
                <class>com.example.reporting.Row</class>
              </persistence-unit>
            </persistence>
            """;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void hibernateCfgXmlGivesItsPropertiesAndMappedClassesWithoutFetchingTheDtd() throws IOException {
        write("hibernate.cfg.xml", CFG);
        ApplicationHibernate cfg = HibernateCfgXml.load(List.of(dir.resolve("missing"), dir));

        assertEquals(Map.of("hibernate.default_schema", "billing", "hibernate.globally_quoted_identifiers", "true"),
                cfg.properties(), "names without hibernate. get it, as in Hibernate; connection and dialect are left out");
        assertEquals(List.of("com.example.billing.Invoice"), List.copyOf(cfg.classes().keySet()));
        assertTrue(cfg.classes().get("com.example.billing.Invoice").endsWith("hibernate.cfg.xml line 11"),
                cfg.classes().toString());
        assertEquals(List.of("Read hibernate.cfg.xml: 1 mapped class(es), properties hibernate.default_schema (line 9),"
                + " hibernate.globally_quoted_identifiers (line 10); left out (the plugin's own):"
                + " hibernate.connection.url, hibernate.dialect; not read (only annotated classes are):"
                + " <mapping resource=\"legacy/Payment.hbm.xml\"> (line 12)"), cfg.notes());
    }

    @Test
    void noFileIsNothing() {
        assertEquals(ApplicationHibernate.NONE, HibernateCfgXml.load(List.of(dir)));
        assertEquals(ApplicationHibernate.NONE, PersistenceXml.load(List.of(dir), null));
    }

    @Test
    void thePersistenceUnitNamedIsRead() throws IOException {
        write("META-INF/persistence.xml", PERSISTENCE);
        ApplicationHibernate shop = PersistenceXml.load(List.of(dir), "shop");

        assertEquals(List.of("com.example.shop.entity.Order", "com.example.shop.entity.Customer"),
                List.copyOf(shop.classes().keySet()));
        assertEquals(Map.of("hibernate.physical_naming_strategy", "com.example.Naming",
                "org.hibernate.envers.audit_strategy", "org.hibernate.envers.strategy.ValidityAuditStrategy"),
                shop.properties());
        assertTrue(shop.notes().get(0).startsWith("Read META-INF/persistence.xml, persistence unit 'shop': 2 listed"
                + " class(es), properties hibernate.physical_naming_strategy (line 8)"), shop.notes().get(0));
        assertTrue(shop.notes().get(0).endsWith("left out (the plugin's own): jakarta.persistence.jdbc.url"),
                shop.notes().get(0));
    }

    @Test
    void severalUnitsWithoutAChoiceFailNamingThem() throws IOException {
        write("META-INF/persistence.xml", PERSISTENCE);
        SchemaException e = assertThrows(SchemaException.class, () -> PersistenceXml.load(List.of(dir), null));
        assertTrue(e.getMessage().endsWith("has 2 persistence units: 'shop' (line 3), 'reporting' (line 13)."
                + " Name the one to compare with <persistenceUnit> (schema.persistenceUnit)."), e.getMessage());

        SchemaException unknown = assertThrows(SchemaException.class, () -> PersistenceXml.load(List.of(dir), "audit"));
        assertTrue(unknown.getMessage().contains("is 'audit', but"), unknown.getMessage());
        assertTrue(unknown.getMessage().endsWith("has only 'shop' (line 3), 'reporting' (line 13)"),
                unknown.getMessage());
    }

    @Test
    void theOnlyUnitNeedsNoName() throws IOException {
        write("META-INF/persistence.xml", PERSISTENCE.replaceAll("(?s)<persistence-unit name=\"reporting\">.*?</persistence-unit>", ""));
        assertEquals(2, PersistenceXml.load(List.of(dir), null).classes().size());
    }

    @Test
    void malformedXmlNamesFileAndLine() throws IOException {
        Path file = write("META-INF/persistence.xml", """
                <persistence>
                  <persistence-unit name="shop">
                    <class>com.example.Order</clas>
                  </persistence-unit>
                </persistence>
                """);
        SchemaException e = assertThrows(SchemaException.class, () -> PersistenceXml.load(List.of(dir), null));
        assertTrue(e.getMessage().startsWith("Malformed XML in " + file + " line 3: "), e.getMessage());

        write("hibernate.cfg.xml", "<hibernate-configuration>\n<session-factory>\n<property>x</property>\n"
                + "</session-factory>\n</hibernate-configuration>\n");
        SchemaException noName = assertThrows(SchemaException.class, () -> HibernateCfgXml.load(List.of(dir)));
        assertTrue(noName.getMessage().endsWith("hibernate.cfg.xml line 3: <property> without a name"),
                noName.getMessage());
    }
}
