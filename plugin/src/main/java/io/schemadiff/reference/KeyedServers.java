package io.schemadiff.reference;

import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Starts scratch servers that can begin with a database an earlier build kept ({@link DatabaseSnapshots}): the
 * migrations replayed, found again by the key of the migrations' inputs instead of replayed once more; or, when
 * none is kept under that key, one of earlier inputs that the caller can bring up to date.
 */
@FunctionalInterface
public interface KeyedServers extends Supplier<ScratchServer> {

    /**
     * A server on a copy of the data folder kept under {@code key}; else on one whose notes {@code older} accepts;
     * else a fresh one. A {@code null} key keeps nothing in mind.
     */
    ScratchServer start(String key, Predicate<Map<String, String>> older);

    @Override
    default ScratchServer get() {
        return start(null, notes -> false);
    }

    /** {@code servers} starting with what is kept under {@code key} (or what {@code older} accepts), when they can. */
    static Supplier<ScratchServer> startingWith(Supplier<ScratchServer> servers, String key,
                                                Predicate<Map<String, String>> older) {
        return servers instanceof KeyedServers keyed && key != null ? () -> keyed.start(key, older) : servers;
    }
}
