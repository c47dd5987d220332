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
 * A Jakarta EE application's {@code META-INF/persistence.xml}: the {@code <class>} elements and the
 * {@code <properties>} of one persistence unit. With several units, the one named by
 * {@code schema.persistenceUnit}, else the only one; connection, dialect and schema-generation
 * properties are left out (the plugin decides those).
 */
public final class PersistenceXml {

    public static final String FILE = "META-INF/persistence.xml";

    private PersistenceXml() {
    }

    /**
     * Reads the first {@value #FILE} in {@code folders}.
     *
     * @param unit the persistence unit to read, or null for the only one
     * @throws SchemaException when {@code unit} is set and there is no such file or unit, or when
     *                         the file has several units and {@code unit} is not set
     */
    public static ApplicationHibernate load(List<Path> folders, String unit) {
        Optional<Path> file = folders.stream().filter(f -> f != null).map(f -> f.resolve(FILE))
                .filter(Files::isRegularFile).findFirst();
        if (file.isEmpty()) {
            if (unit != null && !unit.isBlank()) {
                throw new SchemaException("<persistenceUnit> (schema.persistenceUnit) is '" + unit.trim()
                        + "', but there is no " + FILE + " in " + folders);
            }
            return ApplicationHibernate.NONE;
        }
        return read(file.get(), unit);
    }

    static ApplicationHibernate read(Path file, String wanted) {
        XmlFile.Element root = XmlFile.read(file);
        if (!root.name().equals("persistence")) {
            throw new SchemaException(file + " line " + root.line() + ": the root element is <" + root.name()
                    + ">, not <persistence>");
        }
        XmlFile.Element unit = chooseUnit(file, root.children("persistence-unit"), wanted);
        Map<String, String> classes = new LinkedHashMap<>();
        for (XmlFile.Element listed : unit.children("class")) {
            if (listed.text().isEmpty()) {
                throw new SchemaException(file + " line " + listed.line() + ": empty <class>");
            }
            classes.put(listed.text(), "<class> in " + file + " line " + listed.line());
        }
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> read = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (XmlFile.Element container : unit.children("properties")) {
            for (XmlFile.Element property : container.children("property")) {
                String name = property.attribute("name");
                if (name == null || name.isBlank()) {
                    throw new SchemaException(file + " line " + property.line() + ": <property> without a name");
                }
                String value = property.attribute("value") != null ? property.attribute("value") : property.text();
                if (HibernateSettingFilter.isPluginsOwn(name.trim())) {
                    ignored.add(name.trim());
                } else {
                    properties.put(name.trim(), value);
                    read.add(name.trim() + " (line " + property.line() + ")");
                }
            }
        }
        List<String> notRead = new ArrayList<>();
        for (String kind : List.of("mapping-file", "jar-file")) {
            unit.children(kind).forEach(e -> notRead.add("<" + kind + ">" + e.text() + " (line " + e.line() + ")"));
        }
        String note = HibernateSettingFilter.note("Read " + FILE + ", persistence unit '" + unit.attribute("name")
                + "': " + classes.size() + " listed class(es)", read, ignored, notRead);
        return new ApplicationHibernate(properties, classes, List.of(note));
    }

    private static XmlFile.Element chooseUnit(Path file, List<XmlFile.Element> units, String wanted) {
        List<String> names = units.stream().map(u -> "'" + u.attribute("name") + "' (line " + u.line() + ")").toList();
        if (wanted != null && !wanted.isBlank()) {
            return units.stream().filter(u -> wanted.trim().equals(u.attribute("name"))).findFirst()
                    .orElseThrow(() -> new SchemaException("<persistenceUnit> (schema.persistenceUnit) is '"
                            + wanted.trim() + "', but " + file + " has " + (names.isEmpty() ? "no persistence unit"
                            : "only " + String.join(", ", names))));
        }
        if (units.size() == 1) {
            return units.get(0);
        }
        if (units.isEmpty()) {
            throw new SchemaException(file + " has no <persistence-unit>");
        }
        throw new SchemaException(file + " has " + units.size() + " persistence units: " + String.join(", ", names)
                + ". Name the one to compare with <persistenceUnit> (schema.persistenceUnit).");
    }
}
