package io.schemadiff.maven;

import io.schemadiff.cache.InputFingerprint;
import io.schemadiff.cache.Verdict;
import io.schemadiff.cache.VerdictCache;
import io.schemadiff.pipeline.PipelineSettings;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;

/**
 * The goals' side of the {@link VerdictCache}: when it is on, what the fingerprint covers beyond the
 * pipeline's settings, and putting a stored verdict's files back.
 */
final class StoredVerdicts {

    private final VerdictCache cache;
    private final Path reportDirectory;
    private final Log log;
    private boolean classesChanged;

    private StoredVerdicts(VerdictCache cache, Path reportDirectory, Log log) {
        this.cache = cache;
        this.reportDirectory = reportDirectory;
        this.log = log;
    }

    /**
     * @return {@code null} when no verdict may be reused: the cache is off, the reference is a live
     *         database (which changes under it), or an input cannot be read (the comparison then says why)
     */
    static StoredVerdicts open(boolean enabled, PipelineSettings settings, Path reportDirectory, String pluginVersion,
                               Map<String, String> serverInputs, Log log) {
        if (!enabled || settings.reference() == PipelineSettings.Reference.LIVE) {
            return null;
        }
        String version = pluginVersion == null ? "unknown" : pluginVersion;
        try {
            Map<String, String> goalInputs = new java.util.TreeMap<>(serverInputs);
            goalInputs.put("plugin", version + " " + ownJar());
            return new StoredVerdicts(new VerdictCache(reportDirectory, version,
                    InputFingerprint.of(settings, goalInputs)), reportDirectory, log);
        } catch (RuntimeException e) {
            log.debug("No verdict reused: the inputs' fingerprint failed: " + e);
            return null;
        }
    }

    /** The stored verdict, when it was reached for exactly these inputs. */
    Optional<Verdict> load() {
        VerdictCache.Lookup lookup = cache.load();
        if (lookup.verdict().isEmpty()) {
            log.debug("No verdict reused: " + lookup.missReason());
        }
        classesChanged = lookup.classesChanged();
        return lookup.verdict();
    }

    /** Whether {@link #load} found a verdict stored for other model classes: an entity was edited since. */
    boolean classesChanged() {
        return classesChanged;
    }

    /** Keeps the verdict for the next run; failing to is not the build's problem. */
    void store(Verdict verdict) {
        try {
            cache.store(verdict);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not store the verdict in " + cache.file() + ": " + e);
        }
    }

    /** The one line that says the outcome below was not recomputed. */
    void sayReused() {
        log.info("Verdict reused from " + cache.file() + ": nothing it depends on changed since it was reached"
                + " (-Dschema.cache=false recomputes it).");
    }

    /** Puts the verdict's reports and SQL back as they were written, e.g. after someone deleted one. */
    void restoreFiles(Verdict verdict) throws IOException {
        for (Map.Entry<String, String> file : verdict.files().entrySet()) {
            Path target = reportDirectory.resolve(file.getKey());
            if (!Files.isRegularFile(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(file.getValue())) {
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    /** The plugin's own jar by size and time: a rebuilt snapshot of the same version counts as another plugin. */
    static String ownJar() {
        try {
            Path jar = Path.of(StoredVerdicts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(jar)) {
                return jar.toString();
            }
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            return jar + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("Cannot locate the plugin's own jar: " + e, e);
        }
    }
}
