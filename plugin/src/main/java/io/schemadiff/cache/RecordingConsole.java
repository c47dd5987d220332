package io.schemadiff.cache;

import io.schemadiff.core.Console;

import java.util.ArrayList;
import java.util.List;

/** Passes everything on and keeps the warnings, which belong to the verdict a cache replays. */
public final class RecordingConsole implements Console {

    private final Console delegate;
    private final List<String> warnings = new ArrayList<>();

    public RecordingConsole(Console delegate) {
        this.delegate = delegate;
    }

    @Override
    public void info(String message) {
        delegate.info(message);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
        delegate.warn(message);
    }

    @Override
    public void debug(String message) {
        delegate.debug(message);
    }

    /** The warnings so far, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
