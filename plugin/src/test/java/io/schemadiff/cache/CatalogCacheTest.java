package io.schemadiff.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogCacheTest {

    @TempDir
    Path dir;

    private final CatalogCodec.Entry entry = new CatalogCodec.Entry(Map.of("server", "16.4"),
            CatalogCodecTest.everything());

    @Test
    void anEntryIsFoundByItsInputsAndContextOnly() {
        CatalogCache cache = new CatalogCache(dir.resolve("catalogs"), "plugin 1");
        String name = cache.name("reference", "V1 abc", "0123");
        assertEquals(Optional.empty(), cache.load(name), "nothing kept yet, and no folder");
        cache.store(name, entry);
        assertEquals(Optional.of(entry.schema()), cache.load(name).map(CatalogCodec.Entry::schema));
        assertTrue(cache.hasAny(cache.name("reference", "V1 abc", null) + "-"));
        assertFalse(cache.hasAny(cache.name("reference", "V1 abd", null) + "-"));

        assertNotEquals(name, cache.name("reference", "V1 abd", "0123"), "other inputs");
        assertNotEquals(name, new CatalogCache(dir.resolve("catalogs"), "plugin 2").name("reference", "V1 abc", "0123"),
                "another plugin or server");
        assertEquals(Optional.empty(), new CatalogCache(dir.resolve("catalogs"), "plugin 2")
                .load(new CatalogCache(dir.resolve("catalogs"), "plugin 2").name("reference", "V1 abc", "0123")));
    }

    @Test
    void aDamagedFileIsIgnoredRemovedAndWrittenAgain() throws IOException {
        CatalogCache cache = new CatalogCache(dir, "plugin 1");
        String name = cache.name("model", "create table t (id int)", null);
        cache.store(name, entry);
        Path file = dir.resolve(name + ".catalog");
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        assertEquals(Optional.empty(), cache.load(name));
        assertFalse(Files.exists(file), "a damaged file is removed, not read again");
        cache.store(name, entry);
        assertEquals(Optional.of(entry.schema()), cache.load(name).map(CatalogCodec.Entry::schema));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void theFolderKeepsTheMostRecentlyUsedWithinItsBounds() throws IOException {
        CatalogCache cache = new CatalogCache(dir, "plugin 1");
        String first = cache.name("model", "0", null);
        cache.store(first, entry);
        for (int i = 1; i < CatalogCache.MAX_FILES; i++) {
            String name = cache.name("model", String.valueOf(i), null);
            cache.store(name, entry);
            // in the past, older the smaller i, so the order does not rest on the clock's resolution
            Files.setLastModifiedTime(dir.resolve(name + ".catalog"), FileTime.fromMillis(1_000_000L + i * 1000L));
        }
        Files.setLastModifiedTime(dir.resolve(first + ".catalog"), FileTime.fromMillis(1_000L));
        assertTrue(cache.load(first).isPresent(), "used again: now the most recent");
        cache.store(cache.name("model", "last", null), entry);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(CatalogCache.MAX_FILES, files.count());
        }
        assertTrue(cache.load(first).isPresent(), "the one used last is kept");
        assertFalse(cache.load(cache.name("model", "1", null)).isPresent(), "the least recently used went");
        assertTrue(cache.load(cache.name("model", "2", null)).isPresent());
    }
}
