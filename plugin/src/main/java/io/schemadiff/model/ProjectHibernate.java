package io.schemadiff.model;

import io.schemadiff.core.SchemaException;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The project's own Hibernate ORM, run in a class loader of its own, so that the desired schema is
 * what the application's Hibernate version writes (DDL differs between versions: 7.3 and 7.4 already
 * disagree on {@code Set} element collections).
 *
 * <p>Only the JPA-standard {@code PersistenceProvider.generateSchema(PersistenceUnitInfo, Map)} with
 * script targets is called, by reflection: it is the same across Hibernate 6.x and 7.x, and none of
 * the project's Hibernate classes ever meet the plugin's.
 */
public final class ProjectHibernate implements AutoCloseable {

    private static final String PROVIDER = "org.hibernate.jpa.HibernatePersistenceProvider";
    private static final String PROVIDER_RESOURCE = PROVIDER.replace('.', '/') + ".class";

    private final URLClassLoader loader;
    private final String version;

    private ProjectHibernate(URLClassLoader loader, String version) {
        this.loader = loader;
        this.version = version;
    }

    /**
     * The Hibernate ORM 6 or 7 on the project's classpath, if there is one.
     *
     * @param classpath the project's classes folder and every dependency, in classpath order
     */
    public static Optional<ProjectHibernate> find(List<Path> classpath) {
        URL[] urls = urls(classpath);
        try (URLClassLoader probe = new URLClassLoader(urls, null)) {
            if (probe.findResource(PROVIDER_RESOURCE) == null) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new SchemaException("Cannot read the project's classpath: " + e.getMessage(), e);
        }
        // the platform loader as parent: java.sql and friends, but not one class of the plugin
        URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        String version;
        try {
            version = (String) loader.loadClass("org.hibernate.Version").getMethod("getVersionString").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            closeQuietly(loader);
            throw new SchemaException("The project has Hibernate ORM on its classpath, but it cannot be loaded: " + e
                    + ". Are all of hibernate-core's dependencies on the compile classpath?", e);
        }
        if (!version.matches("[67]\\..*")) {
            closeQuietly(loader);
            return Optional.empty();
        }
        return Optional.of(new ProjectHibernate(loader, version));
    }

    public String version() {
        return version;
    }

    ClassLoader classLoader() {
        return loader;
    }

    /**
     * Hibernate's create script for {@code classNames}, as the project's Hibernate writes it offline.
     *
     * @param settings database identification and Hibernate properties, as for the plugin's own Hibernate
     */
    public String createScript(List<String> classNames, URL persistenceUnitRoot, Map<String, String> settings) {
        StringWriter script = new StringWriter();
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("jakarta.persistence.schema-generation.database.action", "none");
        properties.put("jakarta.persistence.schema-generation.scripts.action", "create");
        properties.put("jakarta.persistence.schema-generation.scripts.create-target", script);
        // Hibernate 6.0–6.4 know only the older name of "never look at a database while booting"
        properties.put("hibernate.temp.use_jdbc_metadata_defaults", "false");
        properties.put("hibernate.archive.autodetection", "");

        return inProjectContext(() -> {
            Object provider = loader.loadClass(PROVIDER).getConstructor().newInstance();
            Class<?> unitInfoType = loader.loadClass("jakarta.persistence.spi.PersistenceUnitInfo");
            Object unitInfo = Proxy.newProxyInstance(loader, new Class<?>[] {unitInfoType},
                    (proxy, method, args) -> answer(method, classNames, persistenceUnitRoot));
            provider.getClass().getMethod("generateSchema", unitInfoType, Map.class)
                    .invoke(provider, unitInfo, properties);
            return script.toString();
        }, "could not write the create DDL for the entity model");
    }

    /** Work done with the project's Hibernate, by reflection. */
    interface ProjectWork<T> {
        T run() throws ReflectiveOperationException;
    }

    /**
     * Runs {@code work} with the project's class loader as the context loader and the project's Hibernate
     * logging kept quiet; settings are restored afterwards.
     *
     * @param failure what failed, for the message: "could not …"
     */
    <T> T inProjectContext(ProjectWork<T> work, String failure) {
        Thread thread = Thread.currentThread();
        ClassLoader previousContext = thread.getContextClassLoader();
        String previousProvider = System.getProperty("org.jboss.logging.provider");
        Logger hibernateLog = Logger.getLogger("org.hibernate");
        Level previousLevel = hibernateLog.getLevel();
        thread.setContextClassLoader(loader);
        // the project's jboss-logging would otherwise find the project's logback at DEBUG; and its warnings are
        // about running the application (e.g. "no connection provider"), which this offline run is not
        System.setProperty("org.jboss.logging.provider", "jdk");
        hibernateLog.setLevel(Level.SEVERE);
        try {
            return work.run();
        } catch (InvocationTargetException e) {
            throw new SchemaException("The project's Hibernate ORM " + version + " " + failure + ": "
                    + causes(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new SchemaException("Cannot run the project's Hibernate ORM " + version + ": " + e, e);
        } finally {
            hibernateLog.setLevel(previousLevel);
            if (previousProvider == null) {
                System.clearProperty("org.jboss.logging.provider");
            } else {
                System.setProperty("org.jboss.logging.provider", previousProvider);
            }
            thread.setContextClassLoader(previousContext);
        }
    }

    /** A persistence unit of exactly the discovered classes, no XML, no scanning, no validation. */
    private Object answer(Method method, List<String> classNames, URL root) {
        return switch (method.getName()) {
            case "getPersistenceUnitName" -> "schemadiff";
            case "getPersistenceProviderClassName" -> PROVIDER;
            case "getManagedClassNames" -> new ArrayList<>(classNames);
            case "getMappingFileNames", "getJarFileUrls", "getQualifierAnnotationNames" -> new ArrayList<>();
            case "excludeUnlistedClasses" -> true;
            case "getPersistenceUnitRootUrl" -> root;
            case "getPersistenceXMLSchemaVersion" -> "3.0";
            case "getClassLoader", "getNewTempClassLoader" -> loader;
            case "getProperties" -> new Properties();
            // enums are the project's JPA types: take the constant from the method's own return type
            case "getTransactionType" -> constant(method, "RESOURCE_LOCAL");
            case "getSharedCacheMode" -> constant(method, "UNSPECIFIED");
            case "getValidationMode" -> constant(method, "NONE");
            case "hashCode" -> System.identityHashCode(this);
            case "equals" -> false;
            case "toString" -> "schemadiff persistence unit";
            default -> null; // data sources, scope annotation, addTransformer: none
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object constant(Method method, String name) {
        return Enum.valueOf((Class<? extends Enum>) method.getReturnType(), name);
    }

    private static URL[] urls(List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path element : classpath) {
            try {
                urls.add(element.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new SchemaException("Bad classpath element " + element + ": " + e.getMessage(), e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static String causes(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            message.append(": ").append(cause.getMessage());
        }
        return message.toString();
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing was loaded from it that outlives this call
        }
    }

    @Override
    public void close() {
        closeQuietly(loader);
    }
}
