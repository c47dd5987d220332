package io.schemadiff.pipeline;

import io.schemadiff.cache.CatalogCache;
import io.schemadiff.cache.CatalogCodec;
import io.schemadiff.cache.InputFingerprint;
import io.schemadiff.discover.DiscoveredModel;
import io.schemadiff.overlap.ServerInBackground;
import io.schemadiff.reference.ScratchServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * When to start the scratch server, so that it overlaps with the scan and Hibernate when it will be
 * needed and costs nothing when kept catalogs make it unnecessary. A guess only: a wrong one costs
 * the overlap (or a server started for nothing), never a different verdict.
 * <ul>
 *   <li>before anything runs: start now unless a catalog of these migrations is kept, the last
 *       comparison of the same inputs was in sync (a difference is rendered and verified on a server) and
 *       the model's classes are those of the last stored verdict (an edited entity's DDL goes to a server);</li>
 *   <li>after the scan: start now unless the model's classes, by content, are those whose catalog is
 *       kept (a note in the catalog cache, written when that catalog was stored or used).</li>
 * </ul>
 */
final class ServerForecast {

    private static final String NOTE = "model-classes";

    private ServerForecast() {
    }

    /**
     * A server that starts now, or on demand when a catalog of these migrations is kept and no server is expected
     * (no difference known to come, no entity edited since the last verdict).
     */
    static ServerInBackground open(Supplier<ScratchServer> servers, CatalogCache cache, String referenceInputs,
                                   boolean serverExpected) {
        return !serverExpected && ScratchCatalogs.referenceProbablyKept(cache, referenceInputs)
                ? ServerInBackground.onDemand(servers) : ServerInBackground.start(servers);
    }

    /**
     * After the scan: starts the server unless the model's catalog is probably kept.
     *
     * @return the model catalog these classes were noted with, or {@code null}
     */
    static String afterScan(ServerInBackground server, CatalogCache cache, String classesKey) {
        String model = cache == null || classesKey == null ? null : cache.load(note(cache, classesKey))
                .map(entry -> entry.meta().get(NOTE)).orElse(null);
        if (!server.begun() && (model == null || !cache.hasAny(model))) {
            server.begin();
        }
        return model;
    }

    /** Notes that these classes made the model catalog stored under {@code modelName}. */
    static void remember(CatalogCache cache, String classesKey, String modelName) {
        if (cache == null || classesKey == null || modelName == null) {
            return;
        }
        try {
            cache.store(note(cache, classesKey), CatalogCodec.Entry.note(Map.of(NOTE, modelName)));
        } catch (RuntimeException e) {
            // a guess not kept: the next run starts its server early, as without a cache
        }
    }

    /**
     * The model's classes by content (as the project's class loader has them) with the settings that shape
     * their DDL, or {@code null} when one cannot be read.
     */
    static String classesKey(DiscoveredModel model, ClassLoader loader, Map<String, String> hibernateProperties) {
        if (loader == null) {
            return null;
        }
        StringBuilder key = new StringBuilder(new TreeMap<>(hibernateProperties).toString());
        for (String name : new TreeSet<>(model.classes())) {
            String file = name.replace('.', '/') + ".class";
            // the model is the project's: looked up in its own classpath, not first through the plugin's
            // sixty-odd jars, which took 0.1-0.4 s at 1,000 entities
            URL found = loader instanceof URLClassLoader own ? own.findResource(file) : loader.getResource(file);
            if (found == null) {
                return null;
            }
            try (InputStream in = found.openStream()) {
                key.append('\n').append(name).append(' ')
                        .append(java.util.HexFormat.of().formatHex(InputFingerprint.sha256(in.readAllBytes())));
            } catch (IOException e) {
                return null;
            }
        }
        return key.toString();
    }

    private static String note(CatalogCache cache, String classesKey) {
        return cache.name("classes", classesKey, null);
    }
}
