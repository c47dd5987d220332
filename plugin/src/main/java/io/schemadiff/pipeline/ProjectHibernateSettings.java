package io.schemadiff.pipeline;

import io.schemadiff.config.ApplicationHibernate;
import io.schemadiff.config.ApplicationProperties;
import io.schemadiff.config.HibernateCfgXml;
import io.schemadiff.config.PersistenceXml;
import io.schemadiff.config.QuarkusHibernate;
import io.schemadiff.config.QuarkusProperties;
import io.schemadiff.config.SpringBootHibernate;
import io.schemadiff.core.Console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Hibernate settings and listed classes the project's own configuration gives, merged. Sources,
 * highest precedence first: the plugin's {@code hibernateProperties} (and
 * {@code -Dschema.hibernateProperties}), Spring Boot ({@code spring.jpa.*}), Quarkus
 * ({@code quarkus.hibernate-orm.*}, {@code quarkus.hibernate-envers.*}), {@code META-INF/persistence.xml},
 * {@code hibernate.cfg.xml}. Each source that is present says in one log line what was read from
 * which file.
 *
 * @param properties the settings Hibernate gets
 * @param classes    mapped classes the files list, each with where it is listed
 */
public record ProjectHibernateSettings(Map<String, String> properties, Map<String, String> classes) {

    /** Reads every source and logs what each gave. */
    public static ProjectHibernateSettings resolve(PipelineSettings settings, ApplicationProperties application,
                                                  QuarkusProperties quarkus, Console console) {
        ClassLoader loader = settings.projectClassLoader();
        Predicate<String> onClasspath = name -> loader.getResource(name.replace('.', '/') + ".class") != null;
        List<ApplicationHibernate> lowestFirst = new ArrayList<>();
        lowestFirst.add(HibernateCfgXml.load(settings.applicationConfigurationFolders()));
        lowestFirst.add(PersistenceXml.load(settings.applicationConfigurationFolders(), settings.persistenceUnit()));
        lowestFirst.add(QuarkusHibernate.resolve(quarkus, onClasspath));
        SpringBootHibernate.Result boot = SpringBootHibernate.resolve(application, onClasspath);
        lowestFirst.add(new ApplicationHibernate(boot.hibernateProperties(), Map.of(), boot.notes()));

        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> classes = new LinkedHashMap<>();
        for (ApplicationHibernate source : lowestFirst) {
            source.notes().forEach(console::info);
            properties.putAll(source.properties());
            source.classes().forEach(classes::putIfAbsent);
        }
        List<String> overridden = settings.hibernateProperties().keySet().stream()
                .filter(properties::containsKey).toList();
        if (!overridden.isEmpty()) {
            console.info("The plugin's hibernateProperties win over the application's files for "
                    + String.join(", ", overridden));
        }
        properties.putAll(settings.hibernateProperties());
        return new ProjectHibernateSettings(properties, classes);
    }
}
