package io.schemadiff.reference;

import io.schemadiff.core.Console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Embedded servers that the modules of one build share: the first module that needs a server of a product and
 * binaries starts it, later ones (also those running at the same time, {@code mvn -T}) get the same one, and
 * {@link #stopAll} stops them when the build ends. What a module gets is a lent view whose {@code close()} leaves
 * the server running. One instance per JVM ({@link #jvm()}), i.e. per class loader of the plugin, which Maven shares
 * between the modules of a build that configure the plugin alike. A JVM that ends without {@link #stopAll} still
 * stops every server through the server's own shutdown hook, or the next run's reaping ({@link ServerRegistry}).
 */
public final class SharedServers {

    private static final SharedServers JVM = new SharedServers();

    private final Map<String, Shared> servers = new LinkedHashMap<>();

    SharedServers() {
    }

    /** The servers of this JVM's builds. */
    public static SharedServers jvm() {
        return JVM;
    }

    /**
     * The running server of {@code product} from {@code binaries}, started by {@code start} if none runs yet.
     *
     * @param product  e.g. {@code PostgreSQL}, for messages
     * @param binaries what tells servers apart, e.g. the binaries jar's path
     * @param user     who asks, e.g. the module's artifactId: named in the message of later users
     * @return a view whose {@code close()} does nothing
     */
    public ScratchServer lend(String product, String binaries, String user, Supplier<? extends ScratchServer> start,
                              Console console) {
        Shared shared;
        synchronized (this) {
            shared = servers.computeIfAbsent(product + " " + binaries, key -> new Shared(product));
        }
        return shared.lend(user, start, console);
    }

    /** Stops every server, saying so for those that more than one user shared; later {@link #lend}s start anew. */
    public void stopAll(Console console) {
        List<Shared> running;
        synchronized (this) {
            running = new ArrayList<>(servers.values());
            servers.clear();
        }
        for (Shared shared : running) {
            shared.stop(console);
        }
    }

    /** How many servers run now: for tests. */
    synchronized int running() {
        return (int) servers.values().stream().filter(Shared::isRunning).count();
    }

    private static final class Shared {

        private final String product;
        private final Set<String> users = new LinkedHashSet<>();
        private ScratchServer server;
        private String startedBy;
        private boolean stopped;

        Shared(String product) {
            this.product = product;
        }

        /** Concurrent first users wait here for the one start. */
        synchronized ScratchServer lend(String user, Supplier<? extends ScratchServer> start, Console console) {
            if (stopped) {
                throw new IllegalStateException("The shared embedded " + product + " was stopped: the build has ended");
            }
            if (server == null) {
                // a failed start leaves nothing: the next user tries again
                server = start.get();
                startedBy = user;
                console.debug("Started the embedded " + product + " " + server.version() + " for " + user + ".");
            } else if (!users.contains(user)) {
                console.info("Reusing the embedded " + product + " " + server.version() + " started by " + startedBy + ".");
            }
            users.add(user);
            return ScratchServer.lent(server);
        }

        synchronized boolean isRunning() {
            return server != null;
        }

        synchronized void stop(Console console) {
            stopped = true;
            if (server == null) {
                return;
            }
            String version = server.version();
            try {
                server.close();
            } finally {
                server = null;
            }
            if (users.size() > 1) {
                console.info("Stopped the embedded " + product + " " + version + " that " + users.size()
                        + " modules shared (" + String.join(", ", users) + ").");
            }
        }
    }
}
