package io.schemadiff.overlap;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The replay of the migrations and the model's DDL, run {@link Concurrently}, each timed on its own.
 *
 * @param replayed the migrations replayed
 */
public record StepTimes(int replayed, long replayMillis, long applyMillis) {

    /** Replays on this thread and applies the model on another; a replay failure is reported first. */
    public static StepTimes replayAndApply(IntSupplier replay, Runnable applyModel) {
        AtomicInteger replayed = new AtomicInteger();
        AtomicLong replayMillis = new AtomicLong();
        AtomicLong applyMillis = new AtomicLong();
        Concurrently.run(() -> {
            long start = System.nanoTime();
            replayed.set(replay.getAsInt());
            replayMillis.set((System.nanoTime() - start) / 1_000_000);
        }, () -> {
            long start = System.nanoTime();
            applyModel.run();
            applyMillis.set((System.nanoTime() - start) / 1_000_000);
        });
        return new StepTimes(replayed.get(), replayMillis.get(), applyMillis.get());
    }
}
