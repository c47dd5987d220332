package io.schemadiff.maven;

import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Runs something when the build ends, after its last module, whether modules failed or not. A plain plugin (not a
 * build extension) has no lifecycle participant; but Maven 3 fires every build event to the execution listener of
 * the build's request, read afresh for each event, and fires "session ended" once all modules are done (also after
 * a failure, also with {@code -T}). So the request's listener is wrapped, once per build, by one that passes every
 * event on and runs the action before Maven's own summary. Where that listener cannot be reached (another Maven,
 * a test harness without a request), nothing is wrapped, and the JVM's shutdown hooks do the work at exit.
 */
final class BuildEnd {

    /** Builds whose request is wrapped already; weak, for JVMs that run many builds (mvnd, IDEs). */
    private static final Map<MavenExecutionRequest, Boolean> WRAPPED = Collections.synchronizedMap(new WeakHashMap<>());

    private BuildEnd() {
    }

    /**
     * Runs {@code action} when the build of {@code session} ends; only the first call per build counts.
     *
     * @return whether the build will tell us: {@code false} when only the JVM's exit will
     */
    static boolean onEnd(MavenSession session, Runnable action) {
        MavenExecutionRequest request = session == null ? null : session.getRequest();
        if (request == null) {
            return false;
        }
        synchronized (WRAPPED) {
            if (WRAPPED.containsKey(request)) {
                return true;
            }
            ExecutionListener original = request.getExecutionListener();
            request.setExecutionListener(wrap(original, action));
            WRAPPED.put(request, Boolean.TRUE);
            return true;
        }
    }

    private static ExecutionListener wrap(ExecutionListener original, Runnable action) {
        return (ExecutionListener) Proxy.newProxyInstance(BuildEnd.class.getClassLoader(),
                new Class<?>[] {ExecutionListener.class}, (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == arguments[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "BuildEnd(" + original + ")";
                        };
                    }
                    if (method.getName().equals("sessionEnded") && arguments != null
                            && arguments[0] instanceof ExecutionEvent) {
                        try {
                            action.run();
                        } catch (RuntimeException e) {
                            // the build's result stands; the JVM's shutdown hooks are still there
                        }
                    }
                    if (original == null) {
                        return null;
                    }
                    try {
                        return method.invoke(original, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
