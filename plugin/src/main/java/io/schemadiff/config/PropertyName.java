package io.schemadiff.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A configuration key split the way Spring Boot's relaxed binding sees it: elements separated by
 * {@code .}, and bracketed elements ({@code [0]}, {@code [hibernate.format_sql]}) kept whole. Each
 * plain element has a uniform form (letters and digits only, lower case) so that
 * {@code default-schema}, {@code defaultSchema} and {@code default_schema} compare equal.
 */
final class PropertyName {

    /** One element as written and in its uniform form; {@code bracketed} elements keep their brackets. */
    record Element(String original, String uniform, boolean bracketed) {
    }

    private final String original;
    private final List<Element> elements;
    private final String uniform;

    private PropertyName(String original, List<Element> elements) {
        this.original = original;
        this.elements = List.copyOf(elements);
        this.uniform = join(elements, true);
    }

    static PropertyName of(String name) {
        List<Element> elements = new ArrayList<>();
        int i = 0;
        int n = name.length();
        while (i < n) {
            char c = name.charAt(i);
            if (c == '.') {
                i++;
                continue;
            }
            if (c == '[') {
                int close = name.indexOf(']', i);
                if (close > i) {
                    String element = name.substring(i, close + 1);
                    elements.add(new Element(element, element, true));
                    i = close + 1;
                    continue;
                }
            }
            int end = i + 1;
            while (end < n && name.charAt(end) != '.' && name.charAt(end) != '[') {
                end++;
            }
            String element = name.substring(i, end);
            elements.add(new Element(element, uniformOf(element), false));
            i = end;
        }
        return new PropertyName(name, elements);
    }

    /** The uniform form of a whole key: {@code spring.flyway.defaultSchema} → {@code spring.flyway.defaultschema}. */
    static String uniform(String name) {
        return of(name).uniform();
    }

    String original() {
        return original;
    }

    String uniform() {
        return uniform;
    }

    List<Element> elements() {
        return elements;
    }

    /** True when {@code prefix}'s elements are this name's first elements (and this name has more). */
    boolean isStrictlyUnder(PropertyName prefix) {
        if (prefix.elements.size() >= elements.size()) {
            return false;
        }
        for (int i = 0; i < prefix.elements.size(); i++) {
            if (!prefix.elements.get(i).uniform().equals(elements.get(i).uniform())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rest of this name after {@code count} elements, as written: {@code hibernate.default_schema}
     * for {@code spring.jpa.properties.hibernate.default_schema} after three elements. A leading
     * bracketed element loses its brackets ({@code spring.jpa.properties[a.b]} → {@code a.b}).
     */
    String remainderAfter(int count) {
        List<Element> rest = elements.subList(count, elements.size());
        if (!rest.isEmpty() && rest.get(0).bracketed()) {
            String first = rest.get(0).original();
            List<Element> copy = new ArrayList<>(rest);
            String unbracketed = first.substring(1, first.length() - 1);
            copy.set(0, new Element(unbracketed, unbracketed, false));
            return join(copy, false);
        }
        return join(rest, false);
    }

    private static String join(List<Element> elements, boolean uniform) {
        StringBuilder joined = new StringBuilder();
        for (Element element : elements) {
            if (!element.bracketed() && joined.length() > 0) {
                joined.append('.');
            }
            joined.append(uniform ? element.uniform() : element.original());
        }
        return joined.toString();
    }

    private static String uniformOf(String element) {
        StringBuilder uniform = new StringBuilder(element.length());
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                uniform.append(Character.toLowerCase(c));
            }
        }
        return uniform.length() == 0 ? element.toLowerCase(Locale.ROOT) : uniform.toString();
    }

    @Override
    public String toString() {
        return original;
    }
}
