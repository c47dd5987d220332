package io.schemadiff.core;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log routed to SLF4J with its INFO lines (one per migration, twice per run: replay
 * and verification) moved to DEBUG; the plugin reports what matters itself. Named in Flyway's
 * {@code loggers} setting, which instantiates it.
 */
public final class QuietFlywayLogging implements LogCreator {

    @Override
    public Log createLogger(Class<?> type) {
        Logger target = LoggerFactory.getLogger(type);
        return new Log() {
            @Override public boolean isDebugEnabled() { return target.isDebugEnabled(); }
            @Override public void debug(String message) { target.debug(message); }
            @Override public void info(String message) { target.debug(message); }
            @Override public void warn(String message) { target.warn(message); }
            @Override public void error(String message) { target.error(message); }
            @Override public void error(String message, Exception e) { target.error(message, e); }
            @Override public void notice(String message) { target.debug(message); }
        };
    }
}
