package io.schemadiff.config;

import io.schemadiff.core.SchemaException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hibernate's native configuration file, {@code hibernate.cfg.xml} at the root of the classpath:
 * the {@code <property>} elements of its {@code <session-factory>} that shape the schema, and the
 * classes its {@code <mapping class="…"/>} elements list. As Hibernate does, a property name
 * without the {@code hibernate.} prefix gets it ({@code dialect} is {@code hibernate.dialect}).
 * Connection, dialect and schema-generation settings are left out: the plugin decides those.
 */
public final class HibernateCfgXml {

    public static final String FILE = "hibernate.cfg.xml";

    private HibernateCfgXml() {
    }

    /** Reads the first {@value #FILE} in {@code folders}; none found is {@link ApplicationHibernate#NONE}. */
    public static ApplicationHibernate load(List<Path> folders) {
        Optional<Path> file = folders.stream().filter(f -> f != null).map(f -> f.resolve(FILE))
                .filter(Files::isRegularFile).findFirst();
        return file.map(HibernateCfgXml::read).orElse(ApplicationHibernate.NONE);
    }

    static ApplicationHibernate read(Path file) {
        XmlFile.Element root = XmlFile.read(file);
        if (!root.name().equals("hibernate-configuration")) {
            throw new SchemaException(file + " line " + root.line() + ": the root element is <" + root.name()
                    + ">, not <hibernate-configuration>");
        }
        XmlFile.Element factory = root.child("session-factory").orElseThrow(() -> new SchemaException(
                file + " line " + root.line() + ": <hibernate-configuration> has no <session-factory>"));
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> read = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (XmlFile.Element property : factory.children("property")) {
            String name = property.attribute("name");
            if (name == null || name.isBlank()) {
                throw new SchemaException(file + " line " + property.line() + ": <property> without a name");
            }
            String key = name.trim().startsWith("hibernate") ? name.trim() : "hibernate." + name.trim();
            if (HibernateSettingFilter.isPluginsOwn(key)) {
                ignored.add(key);
            } else {
                properties.put(key, property.text());
                read.add(key + " (line " + property.line() + ")");
            }
        }
        Map<String, String> classes = new LinkedHashMap<>();
        List<String> notRead = new ArrayList<>();
        for (XmlFile.Element mapping : factory.children("mapping")) {
            String className = mapping.attribute("class");
            if (className != null && !className.isBlank()) {
                classes.put(className.trim(), "<mapping class> in " + file + " line " + mapping.line());
            } else {
                mapping.attributes().forEach((kind, value) ->
                        notRead.add("<mapping " + kind + "=\"" + value + "\"> (line " + mapping.line() + ")"));
            }
        }
        String note = HibernateSettingFilter.note("Read " + FILE + ": " + classes.size() + " mapped class(es)",
                read, ignored, notRead);
        return new ApplicationHibernate(properties, classes, List.of(note));
    }
}
