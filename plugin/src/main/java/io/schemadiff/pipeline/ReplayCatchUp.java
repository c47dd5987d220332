package io.schemadiff.pipeline;

import io.schemadiff.cache.CatalogCache;
import io.schemadiff.cache.CatalogKeys;
import io.schemadiff.write.MigrationNaming;
import org.flywaydb.core.api.MigrationVersion;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * When a database replayed from earlier files of the same migrations may be brought up to date by Flyway, applying
 * only the files added since, as production is: after {@code schema:generate} wrote one, or a pull brought a
 * teammate's. Only where that gives what a replay from scratch gives: the settings, locations and everything else
 * the replay depends on are the same; no file was changed or removed; every file is a versioned migration (no
 * repeatable ones or callbacks, which would run again or in another order); and every added one comes after all the
 * kept ones.
 */
final class ReplayCatchUp {

    static final String INPUTS = "inputs-without-files";
    static final String FILES = "files";

    private ReplayCatchUp() {
    }

    /**
     * What a kept replay notes about its inputs, for a later build to decide with {@link #from}; the settings
     * are hashed with the cache's context (the plugin's build, the server's binaries), as the kept catalogs are.
     */
    static Map<String, String> notes(String referenceInputs, CatalogCache cache) {
        return Map.of(INPUTS, settings(referenceInputs, cache), FILES, String.join("\n", CatalogKeys.files(referenceInputs)));
    }

    private static String settings(String referenceInputs, CatalogCache cache) {
        return cache.name("catch-up", CatalogKeys.withoutFiles(referenceInputs), null);
    }

    /** Accepts the notes of a kept replay that Flyway can bring up to the migrations of {@code referenceInputs}. */
    static Predicate<Map<String, String>> from(String referenceInputs, MigrationNaming naming, CatalogCache cache) {
        if (referenceInputs == null || cache == null) {
            return notes -> false;
        }
        String inputs = settings(referenceInputs, cache);
        List<String> now = CatalogKeys.files(referenceInputs);
        return notes -> inputs.equals(notes.get(INPUTS)) && notes.get(FILES) != null
                && canCatchUp(notes.get(FILES).isEmpty() ? List.of() : Arrays.asList(notes.get(FILES).split("\n")),
                now, naming);
    }

    /** @param kept the files (path and checksum) the kept database was replayed from; {@code now} those of this build */
    static boolean canCatchUp(List<String> kept, List<String> now, MigrationNaming naming) {
        Set<String> current = new HashSet<>(now);
        if (!current.containsAll(kept) || kept.size() >= current.size()) {
            return false;
        }
        MigrationVersion last = MigrationVersion.EMPTY;
        for (String file : kept) {
            Optional<MigrationVersion> version = version(file, naming);
            if (version.isEmpty()) {
                return false;
            }
            if (version.get().compareTo(last) > 0) {
                last = version.get();
            }
        }
        Set<String> before = new HashSet<>(kept);
        for (String file : now) {
            if (before.contains(file)) {
                continue;
            }
            Optional<MigrationVersion> version = version(file, naming);
            if (version.isEmpty() || version.get().compareTo(last) <= 0) {
                return false;
            }
        }
        return true;
    }

    /** The version of a versioned migration ({@code <path> <sha-256>}); empty for any other file. */
    private static Optional<MigrationVersion> version(String file, MigrationNaming naming) {
        int space = file.lastIndexOf(' ');
        String path = space < 0 ? file : file.substring(0, space);
        String name = path.substring(path.lastIndexOf('/') + 1);
        return naming.versioned(name).filter(parsed -> parsed.prefix().equals(naming.prefix()))
                .map(parsed -> MigrationVersion.fromVersion(parsed.version()));
    }
}
