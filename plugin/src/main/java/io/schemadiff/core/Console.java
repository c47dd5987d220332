package io.schemadiff.core;

/** Where the core reports progress; the Maven layer adapts it to Maven's log. */
public interface Console {

    void info(String message);

    void warn(String message);

    void debug(String message);

    /** Discards everything: for tests and embedded use. */
    Console SILENT = new Console() {
        public void info(String message) { }
        public void warn(String message) { }
        public void debug(String message) { }
    };
}
