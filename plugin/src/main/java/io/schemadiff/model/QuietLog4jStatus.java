package io.schemadiff.model;

/**
 * Keeps the Log4j API in the project's class loaders from printing "Log4j API could not find a logging
 * provider" while Hibernate reads the model. Hibernate initialises entity classes, and an entity with a
 * static Log4j logger initialises the project's log4j-api, whose implementation (log4j-core) comes with
 * the application's runtime, not its build. That status line is about the application's logging, not
 * the schema, and a reader takes it for a problem of the build.
 *
 * <p>Log4j reads {@code log4j2.StatusLogger.level} once per class loader, when its status logger starts:
 * set only for the model stage, it silences the copies in the plugin's throwaway project loaders and
 * is restored before the goal returns. A level the user set is left alone.
 */
final class QuietLog4jStatus implements AutoCloseable {

    static final String LEVEL = "log4j2.StatusLogger.level";

    private final boolean set;

    private QuietLog4jStatus() {
        this.set = System.getProperty(LEVEL) == null;
        if (set) {
            System.setProperty(LEVEL, "OFF");
        }
    }

    static QuietLog4jStatus during() {
        return new QuietLog4jStatus();
    }

    @Override
    public void close() {
        if (set) {
            System.clearProperty(LEVEL);
        }
    }
}
