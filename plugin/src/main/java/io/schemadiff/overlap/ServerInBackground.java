package io.schemadiff.overlap;

import io.schemadiff.reference.ScratchServer;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Starts the scratch server on a thread of its own as soon as a comparison begins, so its start
 * (initdb, or unpacking MariaDB) overlaps with the scan and Hibernate instead of following them; or,
 * when cached catalogs may make it unnecessary, {@link #onDemand only when asked for}.
 * {@link #get()} hands the server over, waiting for it if need be; a server never handed over (the
 * comparison failed before it needed one) is closed by {@link #close()}; one never started costs nothing.
 */
public final class ServerInBackground implements Supplier<ScratchServer>, AutoCloseable {

    private final CompletableFuture<ScratchServer> starting = new CompletableFuture<>();
    private final Supplier<ScratchServer> servers;
    private boolean begun;
    private boolean handedOver;

    private ServerInBackground(Supplier<ScratchServer> servers) {
        this.servers = servers;
    }

    /** Begins starting a server of {@code servers} now. */
    public static ServerInBackground start(Supplier<ScratchServer> servers) {
        ServerInBackground server = new ServerInBackground(servers);
        server.begin();
        return server;
    }

    /** A server of {@code servers} that starts on {@link #begin()} or {@link #get()}, whichever comes first. */
    public static ServerInBackground onDemand(Supplier<ScratchServer> servers) {
        return new ServerInBackground(servers);
    }

    /** Starts the server in the background, if it is not starting yet. */
    public synchronized void begin() {
        if (begun) {
            return;
        }
        begun = true;
        Thread thread = new Thread(() -> {
            try {
                starting.complete(servers.get());
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "schemadiff-server-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the server was asked for, so that it runs or is starting. */
    public synchronized boolean begun() {
        return begun;
    }

    /** The started server, once; whoever gets it closes it. A failed start is rethrown as it was thrown. */
    @Override
    public synchronized ScratchServer get() {
        if (handedOver) {
            throw new IllegalStateException("The scratch server was handed over already");
        }
        begin();
        ScratchServer server = Concurrently.join(starting);
        handedOver = true;
        return server;
    }

    /** Stops a server nobody took, once it has started. */
    @Override
    public synchronized void close() {
        if (handedOver || !begun) {
            return;
        }
        handedOver = true;
        try {
            Concurrently.join(starting).close();
        } catch (RuntimeException e) {
            // the comparison failed already, for a reason of its own; a server that did not start holds nothing
        }
    }
}
