package io.schemadiff.config;

import java.util.Collection;
import java.util.function.Predicate;

/**
 * A Spring profile expression as {@code spring.config.activate.on-profile} takes it: a profile
 * name, {@code !p}, {@code a & b}, {@code a | b} and parentheses ({@code &} binds tighter than
 * {@code |}).
 */
final class ProfileExpression {

    private final String text;
    private int position;

    private ProfileExpression(String text) {
        this.text = text;
    }

    /** Whether {@code expression} holds for the given active profiles; a malformed one is an {@link IllegalArgumentException}. */
    static boolean matches(String expression, Collection<String> activeProfiles) {
        ProfileExpression parser = new ProfileExpression(expression);
        Predicate<Collection<String>> predicate = parser.parseOr();
        parser.skipSpaces();
        if (parser.position != parser.text.length()) {
            throw new IllegalArgumentException("unexpected '" + parser.text.charAt(parser.position)
                    + "' in profile expression '" + expression + "'");
        }
        return predicate.test(activeProfiles);
    }

    private Predicate<Collection<String>> parseOr() {
        Predicate<Collection<String>> left = parseAnd();
        while (consume('|')) {
            left = left.or(parseAnd());
        }
        return left;
    }

    private Predicate<Collection<String>> parseAnd() {
        Predicate<Collection<String>> left = parseUnary();
        while (consume('&')) {
            left = left.and(parseUnary());
        }
        return left;
    }

    private Predicate<Collection<String>> parseUnary() {
        if (consume('!')) {
            return parseUnary().negate();
        }
        if (consume('(')) {
            Predicate<Collection<String>> inner = parseOr();
            if (!consume(')')) {
                throw new IllegalArgumentException("missing ')' in profile expression '" + text + "'");
            }
            return inner;
        }
        skipSpaces();
        int start = position;
        while (position < text.length() && "!&|() ".indexOf(text.charAt(position)) < 0) {
            position++;
        }
        String profile = text.substring(start, position);
        if (profile.isEmpty()) {
            throw new IllegalArgumentException("a profile name is missing in profile expression '" + text + "'");
        }
        return active -> active.contains(profile);
    }

    private boolean consume(char c) {
        skipSpaces();
        if (position < text.length() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
