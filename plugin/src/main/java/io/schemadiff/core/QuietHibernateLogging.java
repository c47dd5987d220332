package io.schemadiff.core;

import org.jboss.logging.Logger;
import org.jboss.logging.LoggerProvider;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Map;

/**
 * Hibernate's logging (jboss-logging) routed to the SLF4J Maven gives plugins, with Hibernate's
 * INFO chatter (version banner, a twelve-line "Database info" block) moved to DEBUG. Warnings,
 * such as deprecated annotations in the user's entities, stay visible.
 *
 * <p>Found by jboss-logging through {@code META-INF/services/org.jboss.logging.LoggerProvider};
 * without it, Hibernate logs through java.util.logging straight to stderr, past Maven's log and
 * {@code -q}.
 */
public final class QuietHibernateLogging implements LoggerProvider {

    /** Where the model stage's child JVM, which has no SLF4J, writes its records for the build; else null. */
    private static volatile java.io.PrintStream forwardTo;

    /**
     * In the model stage's child JVM: records go to {@code stream} as {@link ForwardedLog} lines, from now on
     * (a kept model JVM gives each request a stream of its own).
     */
    public static void forwardTo(java.io.PrintStream stream) {
        forwardTo = stream;
    }

    /** Where records go as {@link ForwardedLog} lines (in the model stage's child JVM), or {@code null}. */
    static java.io.PrintStream forwarding() {
        return forwardTo;
    }

    /** A record forwarded as the build's JVM would log it (warnings stay warnings), for other loggers too. */
    static void forward(boolean warning, String text) {
        java.io.PrintStream stream = forwardTo;
        if (stream != null) {
            synchronized (stream) {
                stream.println(new ForwardedLog(warning, text).line());
                stream.flush();
            }
        }
    }

    @Override
    public Logger getLogger(String name) {
        return forwardTo != null ? new ForwardingLogger(name) : new Slf4jLogger(name);
    }

    @Override public void clearMdc() { }
    @Override public Object putMdc(String key, Object value) { return null; }
    @Override public Object getMdc(String key) { return null; }
    @Override public void removeMdc(String key) { }
    @Override public Map<String, Object> getMdcMap() { return Collections.emptyMap(); }
    @Override public void clearNdc() { }
    @Override public String getNdc() { return null; }
    @Override public int getNdcDepth() { return 0; }
    @Override public String popNdc() { return null; }
    @Override public String peekNdc() { return null; }
    @Override public void pushNdc(String message) { }
    @Override public void setNdcMaxDepth(int maxDepth) { }

    /**
     * Formats a record as jboss-logging asks (a {@link MessageFormat} pattern for {@code log}, a format string
     * for {@code logf}) when its level is enabled, and hands the text to {@link #write}.
     */
    private abstract static class FormattingLogger extends Logger {
        private static final long serialVersionUID = 1L;

        FormattingLogger(String name) {
            super(name);
        }

        abstract void write(Level level, String text, Throwable thrown);

        @Override
        protected void doLog(Level level, String loggerClassName, Object message, Object[] parameters,
                             Throwable thrown) {
            if (isEnabled(level)) {
                write(level, parameters == null || parameters.length == 0 ? String.valueOf(message)
                        : MessageFormat.format(String.valueOf(message), parameters), thrown);
            }
        }

        @Override
        protected void doLogf(Level level, String loggerClassName, String format, Object[] parameters,
                              Throwable thrown) {
            if (isEnabled(level)) {
                write(level, parameters == null ? format : String.format(format, parameters), thrown);
            }
        }
    }

    /** The same levels as {@link Slf4jLogger}: warnings stay warnings, INFO becomes a detail. */
    private static final class ForwardingLogger extends FormattingLogger {
        private static final long serialVersionUID = 1L;

        ForwardingLogger(String name) {
            super(name);
        }

        @Override
        public boolean isEnabled(Level level) {
            return level != Level.TRACE;
        }

        @Override
        void write(Level level, String text, Throwable thrown) {
            boolean warning = level == Level.FATAL || level == Level.ERROR || level == Level.WARN;
            String line = new ForwardedLog(warning, thrown == null ? text : text + ": " + thrown).line();
            // Hibernate keeps its loggers in static fields: a kept model JVM's next request has another stream
            java.io.PrintStream stream = forwardTo;
            synchronized (stream) {
                stream.println(line);
                stream.flush();
            }
        }
    }

    private static final class Slf4jLogger extends FormattingLogger {
        private static final long serialVersionUID = 1L;
        private final transient org.slf4j.Logger target;

        Slf4jLogger(String name) {
            super(name);
            this.target = LoggerFactory.getLogger(name);
        }

        @Override
        public boolean isEnabled(Level level) {
            return switch (level) {
                case FATAL, ERROR -> target.isErrorEnabled();
                case WARN -> target.isWarnEnabled();
                case INFO, DEBUG -> target.isDebugEnabled();
                case TRACE -> target.isTraceEnabled();
            };
        }

        @Override
        void write(Level level, String text, Throwable thrown) {
            switch (level) {
                case FATAL, ERROR -> target.error(text, thrown);
                case WARN -> target.warn(text, thrown);
                case INFO, DEBUG -> target.debug(text, thrown);
                case TRACE -> target.trace(text, thrown);
            }
        }
    }
}
