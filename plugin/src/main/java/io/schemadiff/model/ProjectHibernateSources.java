package io.schemadiff.model;

import io.schemadiff.core.Dialect;
import io.schemadiff.schema.QualifiedName;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Traces tables and columns to entities and fields with the project's own Hibernate ORM, for models
 * the plugin's Hibernate cannot read (entities written for Hibernate 6 that use what Hibernate 7
 * removed, such as {@code CascadeType.SAVE_UPDATE}).
 *
 * <p>Hibernate's boot metamodel ({@code MetadataSources}, {@code org.hibernate.mapping.*}) is called by
 * reflection, by method name: the names used here are the same in Hibernate 6.x and 7.x. What differs
 * between versions (how foreign keys are listed) is looked up. Check constraints are not traced: the
 * model's checks then keep the expressions its database reports.
 */
final class ProjectHibernateSources {

    /** Hibernate's own names are "FK", "UK" or "IDX" and a hash: any other name was written by someone. */
    private static final Pattern GENERATED_NAME = Pattern.compile("(?i)^(fk|uk|idx)[0-9a-z]{20,}$");

    private final ProjectHibernate hibernate;
    private final Dialect dialect;
    private final String defaultSchema;
    /** The project's {@code org.hibernate.mapping} types, to tell embedded values and real columns apart. */
    private Class<?> componentType;
    private Class<?> columnType;

    ProjectHibernateSources(ProjectHibernate hibernate, Dialect dialect, String defaultSchema) {
        this.hibernate = hibernate;
        this.dialect = dialect;
        this.defaultSchema = defaultSchema;
    }

    SourceMap of(List<String> classNames, Map<String, String> settings) {
        ClassLoader loader = hibernate.classLoader();
        return hibernate.inProjectContext(() -> {
            Class<?> bootstrapBuilderType = loader.loadClass("org.hibernate.boot.registry.BootstrapServiceRegistryBuilder");
            Object bootstrapBuilder = bootstrapBuilderType.getConstructor().newInstance();
            bootstrapBuilderType.getMethod("applyClassLoader", ClassLoader.class).invoke(bootstrapBuilder, loader);
            Object bootstrap = bootstrapBuilderType.getMethod("build").invoke(bootstrapBuilder);
            Class<?> registryBuilderType = loader.loadClass("org.hibernate.boot.registry.StandardServiceRegistryBuilder");
            Object registryBuilder = registryBuilderType
                    .getConstructor(loader.loadClass("org.hibernate.boot.registry.BootstrapServiceRegistry"))
                    .newInstance(bootstrap);
            Map<String, Object> all = new java.util.HashMap<>(settings);
            // Hibernate 6.0–6.4 know only the older name of "never look at a database while booting"
            all.put("hibernate.temp.use_jdbc_metadata_defaults", "false");
            registryBuilderType.getMethod("applySettings", Map.class).invoke(registryBuilder, all);
            Object registry = registryBuilderType.getMethod("build").invoke(registryBuilder);
            Class<?> serviceRegistryType = loader.loadClass("org.hibernate.service.ServiceRegistry");
            try {
                Class<?> sourcesType = loader.loadClass("org.hibernate.boot.MetadataSources");
                Object sources = sourcesType.getConstructor(serviceRegistryType).newInstance(registry);
                Method add = sourcesType.getMethod("addAnnotatedClass", Class.class);
                for (String name : classNames) {
                    add.invoke(sources, Class.forName(name, false, loader));
                }
                componentType = loader.loadClass("org.hibernate.mapping.Component");
                columnType = loader.loadClass("org.hibernate.mapping.Column");
                return trace(sourcesType.getMethod("buildMetadata").invoke(sources));
            } finally {
                registryBuilderType.getMethod("destroy", serviceRegistryType).invoke(null, registry);
            }
        }, "could not trace tables and columns to the entities");
    }

    private SourceMap trace(Object metadata) throws ReflectiveOperationException {
        SourceMap map = new SourceMap();
        for (Object entity : collection(call(metadata, "getEntityBindings"))) {
            String className = (String) call(entity, "getClassName");
            if (className == null) {
                className = (String) call(entity, "getEntityName");
            }
            QualifiedName table = tableName(call(entity, "getTable"));
            map.table(table, className);
            Object idProperty = call(entity, "getIdentifierProperty");
            if (idProperty != null) {
                addColumns(map, table, className, idProperty);
            }
            Object identifier = call(entity, "getIdentifier");
            if (identifier != null) {
                for (Object column : columns(identifier)) {
                    map.column(table, fold(column), className + ".id");
                }
            }
            for (Object property : collection(call(entity, "getProperties"))) {
                Object valueTable = call(call(property, "getValue"), "getTable");
                addColumns(map, valueTable != null ? tableName(valueTable) : table, className, property);
            }
            Object discriminator = call(entity, "getDiscriminator");
            if (discriminator != null) {
                for (Object column : columns(discriminator)) {
                    map.column(table, fold(column), className + " (discriminator)");
                }
            }
        }
        for (Object namespace : collection(call(call(metadata, "getDatabase"), "getNamespaces"))) {
            for (Object table : collection(call(namespace, "getTables"))) {
                if (Boolean.TRUE.equals(call(table, "isPhysicalTable"))) {
                    explicitNames(map, tableName(table), table);
                }
            }
        }
        for (Object collection : collection(call(metadata, "getCollectionBindings"))) {
            Object table = call(collection, "getCollectionTable");
            if (table != null) {
                map.table(tableName(table), (String) call(collection, "getRole"));
            }
        }
        return map;
    }

    /** Names the model states itself, which a rename must keep: unique keys, indexes, foreign keys. */
    private void explicitNames(SourceMap map, QualifiedName name, Object table) throws ReflectiveOperationException {
        for (Object uniqueKey : values(call(table, "getUniqueKeys"))) {
            Object explicit = optionalCall(uniqueKey, "isNameExplicit");
            String keyName = (String) call(uniqueKey, "getName");
            if (Boolean.TRUE.equals(explicit) && keyName != null) {
                map.explicitName(name, keyName.toLowerCase(Locale.ROOT));
            }
        }
        for (Object index : values(call(table, "getIndexes"))) {
            explicitName(map, name, (String) call(index, "getName"));
        }
        // Hibernate 7 lists foreign keys as a collection; 6 as a map
        Object foreignKeys = optionalCall(table, "getForeignKeyCollection");
        for (Object foreignKey : foreignKeys != null ? collection(foreignKeys) : values(call(table, "getForeignKeys"))) {
            explicitName(map, name, (String) call(foreignKey, "getName"));
        }
    }

    private static void explicitName(SourceMap map, QualifiedName table, String name) {
        if (name != null && !GENERATED_NAME.matcher(name).matches()) {
            map.explicitName(table, name.toLowerCase(Locale.ROOT));
        }
    }

    private void addColumns(SourceMap map, QualifiedName table, String owner, Object property)
            throws ReflectiveOperationException {
        String path = owner + "." + call(property, "getName");
        Object value = call(property, "getValue");
        if (componentType.isInstance(value)) {
            for (Object nested : collection(call(value, "getProperties"))) {
                addColumns(map, table, path, nested);
            }
            return;
        }
        for (Object column : columns(value)) {
            map.column(table, fold(column), path);
        }
    }

    /** The columns (not formulas) a mapped value is stored in. */
    private List<Object> columns(Object value) throws ReflectiveOperationException {
        return collection(call(value, "getSelectables")).stream().filter(columnType::isInstance).toList();
    }

    private QualifiedName tableName(Object table) throws ReflectiveOperationException {
        String schema = (String) call(table, "getSchema");
        String folded = schema != null ? foldTable(schema, Boolean.TRUE.equals(call(table, "isSchemaQuoted")))
                : foldTable(defaultSchema, false);
        return QualifiedName.of(folded, foldTable((String) call(table, "getName"),
                Boolean.TRUE.equals(call(table, "isQuoted"))));
    }

    /** As the plugin's own tracing: PostgreSQL folds unquoted names; MariaDB keeps table names as written. */
    private String foldTable(String name, boolean quoted) {
        return quoted || !dialect.foldsToLowerCase() ? name : name.toLowerCase(Locale.ROOT);
    }

    private String fold(Object column) throws ReflectiveOperationException {
        String name = (String) call(column, "getName");
        return Boolean.TRUE.equals(call(column, "isQuoted")) && dialect.foldsToLowerCase()
                ? name : name.toLowerCase(Locale.ROOT);
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method found = target.getClass().getMethod(method);
        found.setAccessible(true);
        return found.invoke(target);
    }

    /** {@code null} when this Hibernate version has no such method. */
    private static Object optionalCall(Object target, String method) throws ReflectiveOperationException {
        try {
            target.getClass().getMethod(method);
        } catch (NoSuchMethodException e) {
            return null;
        }
        return call(target, method);
    }

    private static List<Object> collection(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Map<?, ?> map) {
            return List.copyOf(map.values());
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> items = new java.util.ArrayList<>();
            iterable.forEach(items::add);
            return items;
        }
        throw new IllegalStateException("Not a collection: " + value.getClass().getName());
    }

    private static List<Object> values(Object map) {
        return map instanceof Map<?, ?> m ? List.copyOf(((Map<?, ?>) m).values())
                : map instanceof Collection<?> c ? List.copyOf(c) : List.of();
    }
}
