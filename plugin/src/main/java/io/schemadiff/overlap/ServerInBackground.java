package io.schemadiff.overlap;

import io.schemadiff.reference.ScratchServer;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Starts the scratch server on a thread of its own as soon as a comparison begins, so its start
 * (initdb, or unpacking MariaDB) overlaps with the scan and Hibernate instead of following them.
 * {@link #get()} hands the server over, waiting for it if need be; a server never handed over (the
 * comparison failed before it needed one) is closed by {@link #close()}.
 */
public final class ServerInBackground implements Supplier<ScratchServer>, AutoCloseable {

    private final CompletableFuture<ScratchServer> starting = new CompletableFuture<>();
    private boolean handedOver;

    private ServerInBackground(Supplier<ScratchServer> servers) {
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

    /** Begins starting a server of {@code servers} now. */
    public static ServerInBackground start(Supplier<ScratchServer> servers) {
        return new ServerInBackground(servers);
    }

    /** The started server, once; whoever gets it closes it. A failed start is rethrown as it was thrown. */
    @Override
    public synchronized ScratchServer get() {
        if (handedOver) {
            throw new IllegalStateException("The scratch server was handed over already");
        }
        ScratchServer server = Concurrently.join(starting);
        handedOver = true;
        return server;
    }

    /** Stops a server nobody took, once it has started. */
    @Override
    public synchronized void close() {
        if (handedOver) {
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
