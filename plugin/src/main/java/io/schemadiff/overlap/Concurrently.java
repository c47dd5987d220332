package io.schemadiff.overlap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Runs two independent steps at the same time (the migrations' replay and the model's DDL, each in
 * a database of its own) and fails as running them one after the other would have: the first step's
 * exception wins, and neither returns while the other is still running.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs {@code first} on this thread and {@code second} on another; returns when both are done. */
    public static void run(Runnable first, Runnable second) {
        CompletableFuture<Void> other = CompletableFuture.runAsync(second, runnable -> {
            Thread thread = new Thread(runnable, "schemadiff-concurrent-step");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            first.run();
        } catch (RuntimeException | Error e) {
            try {
                other.join();
            } catch (CompletionException ignored) {
                // the first step's failure is the one to report
            }
            throw e;
        }
        join(other);
    }

    /** The future's value; its failure rethrown as it was thrown (a RuntimeException or Error stays one). */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a concurrent step", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
