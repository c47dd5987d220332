package io.schemadiff.model;

import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.internal.TcclLookupPrecedence;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;

import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.net.URL;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hibernate's class loading for one offline boot, which remembers the names it could not load.
 *
 * <p>Hibernate looks for {@code package-info} of an entity's package several times per entity (for
 * {@code @SoftDelete}, {@code @Audited}, generators…), and most packages have none. Each miss went through
 * every loader Hibernate aggregates, the plugin's Maven realm among them, and threw about 25 exceptions on the
 * way: 65,000 at 500 entities, a fifth of the model stage. Within one boot the classes cannot change, so the
 * first miss of a name is the answer for the others.
 */
final class RememberedMissesClassLoading implements ClassLoaderService {

    private final ClassLoaderServiceImpl loading;
    private final Map<String, ClassLoadingException> misses = new ConcurrentHashMap<>();

    /** As Hibernate's own bootstrap builds it from {@code applyClassLoader(projectClassLoader)}. */
    RememberedMissesClassLoading(ClassLoader projectClassLoader) {
        this.loading = new ClassLoaderServiceImpl(List.of(projectClassLoader), TcclLookupPrecedence.AFTER);
    }

    @Override
    public <T> Class<T> classForName(String className) {
        ClassLoadingException missed = misses.get(className);
        if (missed != null) {
            throw new ClassLoadingException(missed.getMessage(), missed.getCause());
        }
        try {
            return loading.classForName(className);
        } catch (ClassLoadingException e) {
            misses.putIfAbsent(className, e);
            throw e;
        }
    }

    @Override
    public URL locateResource(String name) {
        return loading.locateResource(name);
    }

    @Override
    public InputStream locateResourceStream(String name) {
        return loading.locateResourceStream(name);
    }

    @Override
    public List<URL> locateResources(String name) {
        return loading.locateResources(name);
    }

    @Override
    public <S> Collection<S> loadJavaServices(Class<S> serviceContract) {
        return loading.loadJavaServices(serviceContract);
    }

    @Override
    public <T> T generateProxy(InvocationHandler handler, Class<?>... interfaces) {
        return loading.generateProxy(handler, interfaces);
    }

    @Override
    public Package packageForNameOrNull(String packageName) {
        return loading.packageForNameOrNull(packageName);
    }

    @Override
    public <T> T workWithClassLoader(Work<T> work) {
        return loading.workWithClassLoader(work);
    }

    @Override
    public void stop() {
        loading.stop();
    }
}
