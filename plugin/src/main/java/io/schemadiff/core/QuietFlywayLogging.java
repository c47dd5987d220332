package io.schemadiff.core;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway's log routed to SLF4J with its INFO lines (one per migration, twice per run: replay
 * and verification) moved to DEBUG; the plugin reports what matters itself. Named in Flyway's
 * {@code loggers} setting, which instantiates it.
 *
 * <p>Flyway only ever migrates the plugin's scratch databases, so its advice for a failed production
 * migration ("Please restore backups and roll back database and code!") is said as what it is: a
 * replay that failed on a throwaway database.
 */
public final class QuietFlywayLogging implements LogCreator {

    private static final Pattern FAILED = Pattern.compile(
            "(?s)Migration of (.+) failed! .*?(?:Please restore backups and roll back database and code!|Changes successfully rolled back\\.)");
    private static final String RESTORE_BACKUPS = "Please restore backups and roll back database and code!";

    @Override
    public Log createLogger(Class<?> type) {
        if (QuietHibernateLogging.forwarding() != null) {
            // in the kept model JVM, which replays a verification for a build: its records go to that build
            return new Log() {
                @Override public boolean isDebugEnabled() { return true; }
                @Override public void debug(String message) { QuietHibernateLogging.forward(false, message); }
                @Override public void info(String message) { QuietHibernateLogging.forward(false, message); }
                @Override public void warn(String message) { QuietHibernateLogging.forward(true, message); }
                @Override public void error(String message) { QuietHibernateLogging.forward(true, rephrase(message)); }
                @Override public void error(String message, Exception e) {
                    QuietHibernateLogging.forward(true, rephrase(message) + ": " + e);
                }
                @Override public void notice(String message) { QuietHibernateLogging.forward(false, message); }
            };
        }
        Logger target = LoggerFactory.getLogger(type);
        return new Log() {
            @Override public boolean isDebugEnabled() { return target.isDebugEnabled(); }
            @Override public void debug(String message) { target.debug(message); }
            @Override public void info(String message) { target.debug(message); }
            @Override public void warn(String message) { target.warn(message); }
            @Override public void error(String message) { target.error(rephrase(message)); }
            @Override public void error(String message, Exception e) { target.error(rephrase(message), e); }
            @Override public void notice(String message) { target.debug(message); }
        };
    }

    /** Flyway's words for a failed migration, said of the scratch database they happened on. */
    static String rephrase(String message) {
        if (message == null) {
            return null;
        }
        Matcher failed = FAILED.matcher(message);
        if (failed.matches()) {
            return "Replaying the migrations on the plugin's scratch database failed at " + failed.group(1)
                    + " (a throwaway database: no database of yours was touched).";
        }
        if (message.contains(RESTORE_BACKUPS)) {
            return message.replace(RESTORE_BACKUPS, "(on the plugin's scratch database: no database of yours was touched)");
        }
        return message;
    }
}
