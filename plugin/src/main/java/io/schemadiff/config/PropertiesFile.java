package io.schemadiff.config;

import io.schemadiff.core.SchemaException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code .properties} file keeping the line of every entry, in the format of
 * {@link java.util.Properties#load(java.io.Reader)}: {@code #} and {@code !} comments, {@code =},
 * {@code :} or white space between key and value, a trailing backslash continuing the line, and the
 * escapes {@code \t \n \r \f \\uXXXX}.
 *
 * <p>With Spring Boot's additions switched on, a line that is exactly {@code #---} or {@code !---}
 * starts a new document (unless the line before is a comment with the same prefix), and
 * {@code key[]=a,b} is read as {@code key[0]=a}, {@code key[1]=b}.
 */
final class PropertiesFile {

    record Entry(String key, String value, int line) {
    }

    record Document(List<Entry> entries) {
    }

    private PropertiesFile() {
    }

    static List<Document> read(Path file, Charset charset, boolean springBootSyntax) {
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SchemaException("Malformed properties file " + file + ": it is not " + charset + " text", e);
        } catch (IOException e) {
            throw new SchemaException("Could not read " + file + ": " + e.getMessage(), e);
        }
        return parse(file, text, springBootSyntax);
    }

    static List<Document> parse(Path file, String text, boolean springBootSyntax) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Document> documents = new ArrayList<>();
        List<Entry> current = new ArrayList<>();
        char previousCommentPrefix = 0;
        int i = 0;
        while (i < lines.length) {
            String raw = lines[i];
            int lineNumber = i + 1;
            String stripped = stripLeading(raw);
            if (stripped.isEmpty()) {
                previousCommentPrefix = 0;
                i++;
                continue;
            }
            char first = stripped.charAt(0);
            if (first == '#' || first == '!') {
                boolean separator = springBootSyntax
                        && raw.stripTrailing().equals(first + "---")
                        && previousCommentPrefix != first;
                if (separator) {
                    if (!current.isEmpty()) {
                        documents.add(new Document(List.copyOf(current)));
                    }
                    current = new ArrayList<>();
                }
                previousCommentPrefix = first;
                i++;
                continue;
            }
            previousCommentPrefix = 0;
            StringBuilder logical = new StringBuilder(stripped);
            while (endsWithOddBackslashes(logical)) {
                logical.setLength(logical.length() - 1);
                if (i + 1 >= lines.length) {
                    break;
                }
                i++;
                logical.append(stripLeading(lines[i]));
            }
            i++;
            readEntry(file, logical.toString(), lineNumber, springBootSyntax, current);
        }
        if (!current.isEmpty()) {
            documents.add(new Document(List.copyOf(current)));
        }
        return documents;
    }

    private static void readEntry(Path file, String line, int lineNumber, boolean springBootSyntax, List<Entry> into) {
        StringBuilder key = new StringBuilder();
        int p = 0;
        int n = line.length();
        while (p < n) {
            char c = line.charAt(p);
            if (c == '\\') {
                p = unescape(file, line, p, lineNumber, key);
                continue;
            }
            if (c == '=' || c == ':' || isWhitespace(c)) {
                break;
            }
            key.append(c);
            p++;
        }
        while (p < n && isWhitespace(line.charAt(p))) {
            p++;
        }
        if (p < n && (line.charAt(p) == '=' || line.charAt(p) == ':')) {
            p++;
        }
        while (p < n && isWhitespace(line.charAt(p))) {
            p++;
        }
        String name = key.toString();
        if (springBootSyntax && name.endsWith("[]")) {
            String listName = name.substring(0, name.length() - 2);
            int index = 0;
            StringBuilder element = new StringBuilder();
            boolean leading = true;
            while (p < n) {
                char c = line.charAt(p);
                if (c == ',') {
                    into.add(new Entry(listName + "[" + index++ + "]", element.toString(), lineNumber));
                    element.setLength(0);
                    leading = true;
                    p++;
                    continue;
                }
                if (leading && isWhitespace(c)) {
                    p++;
                    continue;
                }
                leading = false;
                if (c == '\\') {
                    p = unescape(file, line, p, lineNumber, element);
                } else {
                    element.append(c);
                    p++;
                }
            }
            into.add(new Entry(listName + "[" + index + "]", element.toString(), lineNumber));
            return;
        }
        StringBuilder value = new StringBuilder();
        while (p < n) {
            char c = line.charAt(p);
            if (c == '\\') {
                p = unescape(file, line, p, lineNumber, value);
            } else {
                value.append(c);
                p++;
            }
        }
        if (!springBootSyntax || !name.isEmpty()) {
            into.add(new Entry(name, value.toString(), lineNumber));
        }
    }

    /** Appends the character escaped at {@code line[backslash]} and returns the index after the escape. */
    private static int unescape(Path file, String line, int backslash, int lineNumber, StringBuilder into) {
        int p = backslash + 1;
        if (p >= line.length()) {
            return p;
        }
        char c = line.charAt(p);
        switch (c) {
            case 't' -> into.append('\t');
            case 'n' -> into.append('\n');
            case 'r' -> into.append('\r');
            case 'f' -> into.append('\f');
            case 'u' -> {
                if (p + 4 >= line.length()) {
                    throw malformedUnicode(file, lineNumber, line.substring(backslash));
                }
                String hex = line.substring(p + 1, p + 5);
                if (!hex.matches("[0-9a-fA-F]{4}")) {
                    throw malformedUnicode(file, lineNumber, "\\u" + hex);
                }
                into.append((char) Integer.parseInt(hex, 16));
                return p + 5;
            }
            default -> into.append(c);
        }
        return p + 1;
    }

    private static SchemaException malformedUnicode(Path file, int lineNumber, String escape) {
        return new SchemaException("Malformed properties file " + file + " line " + lineNumber
                + ": '" + escape + "' is not a \\uXXXX escape (four hexadecimal digits)");
    }

    private static boolean endsWithOddBackslashes(CharSequence line) {
        int count = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }

    private static String stripLeading(String line) {
        int i = 0;
        while (i < line.length() && isWhitespace(line.charAt(i))) {
            i++;
        }
        return line.substring(i);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }
}
