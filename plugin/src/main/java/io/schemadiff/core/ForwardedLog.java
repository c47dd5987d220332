package io.schemadiff.core;

import java.util.Optional;

/**
 * A log record of a child JVM (the model stage's), written as one line of its standard error and read
 * back by the build, which logs it as if it had been logged in its own JVM.
 *
 * @param warning whether it is a warning (or error), else a detail for {@code -X}
 */
public record ForwardedLog(boolean warning, String text) {

    /** Marks the line as a record: nothing else a JVM or a project prints starts with it. */
    private static final String MARK = "\u001eschemadiff-log\u001e";

    /** One line, newlines and backslashes escaped. */
    public String line() {
        return MARK + (warning ? 'W' : 'D') + text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The record a line holds, or empty for any other output. */
    public static Optional<ForwardedLog> parse(String line) {
        if (!line.startsWith(MARK) || line.length() == MARK.length()) {
            return Optional.empty();
        }
        String escaped = line.substring(MARK.length() + 1);
        StringBuilder text = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && i + 1 < escaped.length()) {
                char next = escaped.charAt(++i);
                text.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                text.append(c);
            }
        }
        return Optional.of(new ForwardedLog(line.charAt(MARK.length()) == 'W', text.toString()));
    }
}
