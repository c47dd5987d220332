package io.schemadiff.model;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import io.schemadiff.core.TargetDatabase;
import io.schemadiff.overlap.Concurrently;
import io.schemadiff.schema.QualifiedName;
import org.hibernate.Version;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds Hibernate's metamodel offline (no database connection) and asks Hibernate for the create
 * DDL it would run itself: that DDL is the desired schema.
 */
public final class HibernateModelBuilder {

    /**
     * The model as the project's own Hibernate ORM (6.x or 7.x, when it is on the project's classpath)
     * writes it, else as the plugin's Hibernate writes it.
     *
     * @param projectClasspath the project's classes folder and dependencies, where its Hibernate is looked for
     */
    public EntityModel build(List<String> classNames, ClassLoader projectClassLoader, List<Path> projectClasspath,
                             TargetDatabase target, Map<String, String> properties) {
        try (QuietLog4jStatus quiet = QuietLog4jStatus.during()) {
            return buildWithHibernateFound(classNames, projectClassLoader, projectClasspath, target, properties);
        } catch (SchemaException | ServiceConfigurationError | LinkageError e) {
            // a class too new for this JVM surfaces as "Provider ... not found" or a class that cannot load
            // (the scan's versions catch the mapped classes first: ClassFileVersions.requireLoadable)
            Optional<String> tooNew = ClassFileVersions.explain(e, projectClassLoader);
            if (tooNew.isPresent()) {
                throw new SchemaException(tooNew.get(), e);
            }
            throw e;
        }
    }

    private EntityModel buildWithHibernateFound(List<String> classNames, ClassLoader projectClassLoader,
                                                List<Path> projectClasspath, TargetDatabase target,
                                                Map<String, String> properties) {
        Optional<ProjectHibernate> found = ProjectHibernate.find(projectClasspath);
        if (found.isEmpty()) {
            return build(classNames, projectClassLoader, target, properties);
        }
        try (ProjectHibernate projectHibernate = found.get()) {
            if (projectHibernate.version().equals(Version.getVersionString())) {
                EntityModel model = build(classNames, projectClassLoader, target, properties);
                return model.from(EntityModel.Origin.PROJECT);
            }
            URL root = persistenceUnitRoot(projectClasspath);
            AtomicReference<String> script = new AtomicReference<>();
            AtomicReference<SourceMap> sources = new AtomicReference<>();
            AtomicReference<RuntimeException> untraced = new AtomicReference<>();
            // the plugin's Hibernate still traces tables and columns to fields; the DDL is the project's alone.
            // Two Hibernates, two class loaders, nothing shared: they boot at the same time
            Concurrently.run(() -> script.set(projectHibernate.createScript(classNames, root,
                    offlineSettings(target, properties))), () -> {
                try {
                    sources.set(metamodel(classNames, projectClassLoader, target, properties,
                            (metadata, registry) -> new Sources(target.dialect(), defaultSchema(properties)).of(metadata)));
                } catch (RuntimeException | LinkageError e) {
                    // a model written for another Hibernate (e.g. 6's CascadeType.SAVE_UPDATE, gone in 7)
                    untraced.set(e instanceof RuntimeException runtime ? runtime : new SchemaException(e.toString(), e));
                }
            });
            if (sources.get() == null) {
                sources.set(traceWithProjectHibernate(projectHibernate, classNames, target, properties, untraced.get()));
            }
            return new EntityModel(splitStatements(script.get()), sources.get(), projectHibernate.version(),
                    defaultSchema(target, properties), EntityModel.Origin.PROJECT);
        }
    }

    /**
     * Tables and columns traced by the project's own Hibernate, when the plugin's could not read the model;
     * if that fails too, an empty map that says why, so that no change is left without its entity silently.
     */
    private static SourceMap traceWithProjectHibernate(ProjectHibernate projectHibernate, List<String> classNames,
                                                       TargetDatabase target, Map<String, String> properties,
                                                       RuntimeException pluginFailure) {
        try {
            return new ProjectHibernateSources(projectHibernate, target.dialect(), defaultSchema(properties))
                    .of(classNames, offlineSettings(target, properties));
        } catch (RuntimeException | LinkageError e) {
            return SourceMap.untraced("neither the plugin's Hibernate ORM " + Version.getVersionString() + " ("
                    + rootMessage(pluginFailure) + ") nor the project's " + projectHibernate.version() + " ("
                    + rootMessage(e) + ") could trace tables and columns to the entities");
        }
    }

    /**
     * The model as the plugin's own Hibernate ORM writes it.
     *
     * @param classNames         mapped classes to register
     * @param projectClassLoader loads the project's classes; its parent must see this plugin's Hibernate
     * @param target             the database and version the DDL is written for
     * @param properties         further Hibernate settings (naming strategies, default schema…)
     */
    public EntityModel build(List<String> classNames, ClassLoader projectClassLoader, TargetDatabase target,
                             Map<String, String> properties) {
        return metamodel(classNames, projectClassLoader, target, properties,
                (metadata, registry) -> new EntityModel(createStatements(metadata, registry, properties),
                        new Sources(target.dialect(), defaultSchema(properties)).of(metadata), Version.getVersionString(),
                        defaultSchema(target, properties), EntityModel.Origin.PLUGIN));
    }

    private interface MetadataUse<T> {
        T apply(Metadata metadata, StandardServiceRegistry registry);
    }

    /** Boots the plugin's Hibernate offline over the project's classes and hands its metadata to {@code use}. */
    private static <T> T metamodel(List<String> classNames, ClassLoader projectClassLoader, TargetDatabase target,
                                   Map<String, String> properties, MetadataUse<T> use) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // hibernate-models loads embeddables by name through the context loader as well
        thread.setContextClassLoader(projectClassLoader);
        StandardServiceRegistry registry = null;
        try {
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                    .applyClassLoaderService(new RememberedMissesClassLoading(projectClassLoader)).build();
            Map<String, Object> settings = new HashMap<>(offlineSettings(target, properties));
            settings.put("hibernate.connection.provider_class", OfflineConnectionProvider.class.getName());
            registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();

            MetadataSources sources = new MetadataSources(registry);
            for (String name : classNames) {
                sources.addAnnotatedClass(load(name, projectClassLoader));
            }
            Metadata metadata;
            try {
                metadata = sources.buildMetadata();
            } catch (RuntimeException e) {
                throw new SchemaException("Hibernate rejected the entity model: " + rootMessage(e), e);
            }
            return use.apply(metadata, registry);
        } finally {
            if (registry != null) {
                StandardServiceRegistryBuilder.destroy(registry);
            }
            thread.setContextClassLoader(previous);
        }
    }

    /** Identifies the database without connecting to one; the user's properties come last and win. */
    private static Map<String, String> offlineSettings(TargetDatabase target, Map<String, String> properties) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("jakarta.persistence.database-product-name", target.dialect().productName());
        settings.put("jakarta.persistence.database-major-version", String.valueOf(target.major()));
        settings.put("jakarta.persistence.database-minor-version", String.valueOf(target.minor()));
        settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        settings.put("hibernate.hbm2ddl.delimiter", ";");
        settings.put("hibernate.format_sql", "false");
        settings.put("hibernate.hbm2ddl.create_namespaces", "true");
        settings.putAll(properties);
        return settings;
    }

    /**
     * The schema of tables Hibernate writes without one. {@code public} also stands for "the current
     * database" on MariaDB, where the reader and the templates use that label.
     */
    private static String defaultSchema(Map<String, String> properties) {
        return properties.getOrDefault("hibernate.default_schema", "public");
    }

    private static String defaultSchema(TargetDatabase target, Map<String, String> properties) {
        String schema = defaultSchema(properties);
        return target.dialect().foldsToLowerCase() ? schema.toLowerCase(Locale.ROOT) : schema;
    }

    /** The first folder on the classpath: the project's own classes. */
    private static URL persistenceUnitRoot(List<Path> classpath) {
        try {
            for (Path element : classpath) {
                if (java.nio.file.Files.isDirectory(element)) {
                    return element.toUri().toURL();
                }
            }
            return classpath.isEmpty() ? null : classpath.get(0).toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new SchemaException("Bad classpath element: " + e.getMessage(), e);
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SchemaException("Cannot load entity class " + name + ": " + e
                    + ". Is it compiled, and are its dependencies on the compile classpath?", e);
        }
    }

    /** Hibernate's create script (the JPA schema-generation script action), one statement per entry. */
    private static List<String> createStatements(Metadata metadata, StandardServiceRegistry registry,
                                                 Map<String, String> properties) {
        StringWriter script = new StringWriter();
        // the user's settings too: the script's default schema and catalog are read from this map as well
        Map<String, Object> settings = new HashMap<>(properties);
        settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
        settings.put("jakarta.persistence.schema-generation.scripts.create-target", script);
        // the coordinator reads the script's options from this map, not from the registry
        settings.put("hibernate.hbm2ddl.delimiter", ";");
        settings.put("hibernate.format_sql", "false");
        settings.put("hibernate.hbm2ddl.create_namespaces", "true");
        try {
            SchemaManagementToolCoordinator.process(metadata, registry, settings,
                    DelayedDropRegistryNotAvailableImpl.INSTANCE);
        } catch (RuntimeException e) {
            throw new SchemaException("Hibernate could not write the create DDL for the entity model: "
                    + rootMessage(e), e);
        }
        return splitStatements(script.toString());
    }

    /** Statements end with the delimiter at the end of a line; a statement may span lines. */
    static List<String> splitStatements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            if (line.isBlank() && current.length() == 0) {
                continue;
            }
            current.append(current.length() == 0 ? "" : "\n").append(line);
            if (line.stripTrailing().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /** Hibernate's own names are "FK", "UK" or "IDX" and a hash: any other name was written by someone. */
    private static final java.util.regex.Pattern GENERATED_NAME = java.util.regex.Pattern.compile("(?i)^(fk|uk|idx)[0-9a-z]{20,}$");

    /** Traces tables and columns to the classes and fields that map them, named as the database stores them. */
    private static final class Sources {

        private final Dialect dialect;
        private final String defaultSchema;

        Sources(Dialect dialect, String defaultSchema) {
            this.dialect = dialect;
            this.defaultSchema = defaultSchema;
        }

        SourceMap of(Metadata metadata) {
            SourceMap map = new SourceMap();
            for (PersistentClass entity : metadata.getEntityBindings()) {
                String className = entity.getClassName() != null ? entity.getClassName() : entity.getEntityName();
                QualifiedName table = tableName(entity.getTable());
                map.table(table, className);
                if (entity.getIdentifierProperty() != null) {
                    addColumns(map, table, className, entity.getIdentifierProperty());
                }
                if (entity.getIdentifier() != null) {
                    for (Selectable selectable : entity.getIdentifier().getSelectables()) {
                        if (selectable instanceof org.hibernate.mapping.Column column) {
                            map.column(table, fold(column.getName(), column.isQuoted()), className + ".id");
                        }
                    }
                }
                for (Property property : entity.getProperties()) {
                    QualifiedName propertyTable = property.getValue().getTable() != null
                            ? tableName(property.getValue().getTable()) : table;
                    addColumns(map, propertyTable, className, property);
                }
                if (entity.getDiscriminator() != null) {
                    for (Selectable selectable : entity.getDiscriminator().getSelectables()) {
                        if (selectable instanceof org.hibernate.mapping.Column column) {
                            map.column(table, fold(column.getName(), column.isQuoted()), className + " (discriminator)");
                        }
                    }
                }
            }
            for (var namespace : metadata.getDatabase().getNamespaces()) {
                for (Table table : namespace.getTables()) {
                    if (!table.isPhysicalTable()) {
                        continue;
                    }
                    QualifiedName name = tableName(table);
                    for (org.hibernate.mapping.Column column : table.getColumns()) {
                        for (org.hibernate.mapping.CheckConstraint check : column.getCheckConstraints()) {
                            map.check(name, fold(column.getName(), column.isQuoted()), check.getConstraint());
                        }
                    }
                    for (org.hibernate.mapping.CheckConstraint check : table.getChecks()) {
                        map.check(name, null, check.getConstraint());
                    }
                    explicitNames(map, name, table);
                }
            }
            metadata.getCollectionBindings().forEach(collection -> {
                Table table = collection.getCollectionTable();
                if (table != null) {
                    map.table(tableName(table), collection.getRole());
                }
            });
            return map;
        }

        private void explicitNames(SourceMap map, QualifiedName name, Table table) {
            for (org.hibernate.mapping.UniqueKey uniqueKey : table.getUniqueKeys().values()) {
                if (uniqueKey.isNameExplicit() && uniqueKey.getName() != null) {
                    map.explicitName(name, fold(uniqueKey.getName(), false));
                }
            }
            for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
                if (index.getName() != null && !GENERATED_NAME.matcher(index.getName()).matches()) {
                    map.explicitName(name, fold(index.getName(), false));
                }
            }
            for (org.hibernate.mapping.ForeignKey foreignKey : table.getForeignKeyCollection()) {
                if (foreignKey.getName() != null && !GENERATED_NAME.matcher(foreignKey.getName()).matches()) {
                    map.explicitName(name, fold(foreignKey.getName(), false));
                }
            }
            for (org.hibernate.mapping.CheckConstraint check : table.getChecks()) {
                if (check.getName() != null) {
                    map.explicitName(name, fold(check.getName(), false));
                }
            }
            for (org.hibernate.mapping.Column column : table.getColumns()) {
                for (org.hibernate.mapping.CheckConstraint check : column.getCheckConstraints()) {
                    if (check.getName() != null) {
                        map.explicitName(name, fold(check.getName(), false));
                    }
                }
            }
        }

        private void addColumns(SourceMap map, QualifiedName table, String owner, Property property) {
            String path = owner + "." + property.getName();
            if (property.getValue() instanceof Component component) {
                for (Property nested : component.getProperties()) {
                    addColumns(map, table, path, nested);
                }
                return;
            }
            for (Selectable selectable : property.getSelectables()) {
                if (selectable instanceof org.hibernate.mapping.Column column) {
                    map.column(table, fold(column.getName(), column.isQuoted()), path);
                }
            }
        }

        private QualifiedName tableName(Table table) {
            String schema = table.getSchema() != null ? foldTable(table.getSchema(), table.isSchemaQuoted())
                    : foldTable(defaultSchema, false);
            return QualifiedName.of(schema, foldTable(table.getName(), table.isQuoted()));
        }

        /** PostgreSQL folds unquoted names to lower case; MariaDB keeps table names as written. */
        private String foldTable(String name, boolean quoted) {
            return quoted || !dialect.foldsToLowerCase() ? name : name.toLowerCase(Locale.ROOT);
        }

        /**
         * Column, index and constraint names: PostgreSQL folds unquoted ones; MariaDB compares them all
         * without case, and its catalog reader reads them in lower case.
         */
        private String fold(String name, boolean quoted) {
            return quoted && dialect.foldsToLowerCase() ? name : name.toLowerCase(Locale.ROOT);
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        while (cause != null && cause != e) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
            e = cause;
            cause = cause.getCause();
        }
        return message.toString();
    }
}
