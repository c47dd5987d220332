package io.schemadiff.report;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and nulls as indented JSON, keys in map order.
 * The reports are the plugin's only JSON and need nothing more, so no JSON library is bundled.
 */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "");
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            quote(text, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            writeEntries(map.entrySet().iterator(), out, indent, '{', '}', (entry, inner) -> {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
                quote(String.valueOf(e.getKey()), out);
                out.append(": ");
                write(e.getValue(), out, inner);
            });
        } else if (value instanceof List<?> list) {
            writeEntries(list.iterator(), out, indent, '[', ']', (element, inner) -> write(element, out, inner));
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
        }
    }

    private interface ElementWriter {
        void write(Object element, String indent);
    }

    private static void writeEntries(Iterator<?> elements, StringBuilder out, String indent, char open, char close,
                                     ElementWriter writer) {
        out.append(open);
        if (!elements.hasNext()) {
            out.append(close);
            return;
        }
        String inner = indent + "  ";
        while (elements.hasNext()) {
            out.append('\n').append(inner);
            writer.write(elements.next(), inner);
            if (elements.hasNext()) {
                out.append(',');
            }
        }
        out.append('\n').append(indent).append(close);
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Shorthand for an ordered object literal: {@code object("a", 1, "b", null)}. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
