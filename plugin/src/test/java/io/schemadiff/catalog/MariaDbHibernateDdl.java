package io.schemadiff.catalog;

import io.schemadiff.model.OfflineConnectionProvider;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The create script Hibernate's MariaDBDialect writes for some entity classes, without a connection. */
final class MariaDbHibernateDdl {

    private MariaDbHibernateDdl() {
    }

    /** One statement per entry, without the delimiter. */
    static List<String> createStatements(int major, int minor, Class<?>... entities) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.dialect", "org.hibernate.dialect.MariaDBDialect");
        settings.put("jakarta.persistence.database-product-name", "MariaDB");
        settings.put("jakarta.persistence.database-major-version", String.valueOf(major));
        settings.put("jakarta.persistence.database-minor-version", String.valueOf(minor));
        settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        settings.put("hibernate.connection.provider_class", OfflineConnectionProvider.class.getName());
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> entity : entities) {
                sources.addAnnotatedClass(entity);
            }
            Metadata metadata = sources.buildMetadata();
            StringWriter script = new StringWriter();
            Map<String, Object> actions = new HashMap<>();
            actions.put("jakarta.persistence.schema-generation.scripts.action", "create");
            actions.put("jakarta.persistence.schema-generation.scripts.create-target", script);
            actions.put("hibernate.hbm2ddl.delimiter", ";");
            actions.put("hibernate.format_sql", "false");
            SchemaManagementToolCoordinator.process(metadata, registry, actions,
                    DelayedDropRegistryNotAvailableImpl.INSTANCE);
            List<String> statements = new ArrayList<>();
            for (String line : script.toString().split("\\R")) {
                String statement = line.strip();
                if (statement.endsWith(";")) {
                    statement = statement.substring(0, statement.length() - 1).strip();
                }
                if (!statement.isEmpty()) {
                    statements.add(statement);
                }
            }
            return statements;
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
