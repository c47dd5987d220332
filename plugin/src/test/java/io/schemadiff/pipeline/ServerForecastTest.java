package io.schemadiff.pipeline;

import io.schemadiff.cache.CatalogCache;
import io.schemadiff.cache.CatalogCodec;
import io.schemadiff.discover.DiscoveredModel;
import io.schemadiff.overlap.ServerInBackground;
import io.schemadiff.schema.DatabaseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server starts early when it will probably be needed, and not at all when kept catalogs will do. */
class ServerForecastTest {

    @TempDir
    Path dir;

    @Test
    void theScanStartsTheServerUnlessTheModelsClassesWereSeenWithAKeptCatalog() {
        CatalogCache cache = new CatalogCache(dir, "test");
        String classes = "Book abc";
        assertNull(ServerForecast.afterScan(onDemand(), cache, classes));

        String model = cache.name("model", "create table books (id bigint)", null);
        cache.store(model, new CatalogCodec.Entry(Map.of(), empty()));
        ServerForecast.remember(cache, classes, model);
        ServerInBackground seen = onDemand();
        assertEquals(model, ServerForecast.afterScan(seen, cache, classes));
        assertFalse(seen.begun(), "the model's catalog is kept: no server yet");

        ServerInBackground edited = onDemand();
        ServerForecast.afterScan(edited, cache, "Book abd");
        assertTrue(edited.begun(), "other classes: the server starts while Hibernate runs");
    }

    @Test
    void keptMigrationsWaitForTheScanUnlessADifferenceIsExpected() {
        CatalogCache cache = new CatalogCache(dir, "test");
        String migrations = "V1 abc";
        assertTrue(ServerForecast.open(ServerForecastTest::unused, cache, migrations, false).begun(),
                "nothing kept: the server starts at once");
        cache.store(cache.name("reference", migrations, "0123456789abcdef"), new CatalogCodec.Entry(Map.of(), empty()));
        assertFalse(ServerForecast.open(ServerForecastTest::unused, cache, migrations, false).begun(),
                "the migrations' catalog is kept: wait for the scan");
        assertTrue(ServerForecast.open(ServerForecastTest::unused, cache, migrations, true).begun(),
                "the last comparison of these inputs was a difference: it will be rendered and verified on a server");
    }

    @Test
    void aNoteWhoseCatalogIsGoneStartsTheServer() throws Exception {
        CatalogCache cache = new CatalogCache(dir, "test");
        String model = cache.name("model", "create table books (id bigint)", null);
        ServerForecast.remember(cache, "Book abc", model);
        ServerInBackground forecast = onDemand();
        ServerForecast.afterScan(forecast, cache, "Book abc");
        assertTrue(forecast.begun(), "noted, but the catalog was trimmed away");
        assertTrue(Files.list(dir).count() >= 1);
    }

    @Test
    void theClassesKeyFollowsTheClassFilesAndTheHibernateSettings() {
        DiscoveredModel model = new DiscoveredModel(List.of(ServerForecastTest.class.getName()), List.of(), List.of(),
                List.of(), Map.of());
        ClassLoader loader = ServerForecastTest.class.getClassLoader();
        String key = ServerForecast.classesKey(model, loader, Map.of());
        assertEquals(key, ServerForecast.classesKey(model, loader, Map.of()));
        assertNotEquals(key, ServerForecast.classesKey(model, loader, Map.of("hibernate.physical_naming_strategy", "X")));
        assertNull(ServerForecast.classesKey(new DiscoveredModel(List.of("com.example.Missing"), List.of(), List.of(),
                List.of(), Map.of()), loader, Map.of()), "a class that cannot be read: no guess");
    }

    private static io.schemadiff.reference.ScratchServer unused() {
        throw new IllegalStateException("not started in this test");
    }

    private static ServerInBackground onDemand() {
        // begun() is what is checked; a started thread fails at once and nobody takes its server
        return ServerInBackground.onDemand(() -> {
            throw new IllegalStateException("not started in this test");
        });
    }

    private static DatabaseSchema empty() {
        return new DatabaseSchema(Set.of(), new TreeMap<>(), new TreeMap<>(), List.of());
    }
}
