package io.schemadiff.reference;

import io.schemadiff.core.Dialect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed replay tells the user beyond Flyway's own report: the statement that failed (Flyway only
 * says "run with -X"), and, when the migrations are written for another database than the one they are
 * replayed on (MySQL's backticks on PostgreSQL), that {@code schema.dialect} is the setting to change.
 */
final class ReplayFailure {

    private static final Pattern LOCATION = Pattern.compile("(?m)^Location\\s*:\\s*(\\S+)");
    private static final Pattern LINE = Pattern.compile("(?m)^Line\\s*:\\s*(\\d+)");
    private static final Pattern NO_STATEMENT = Pattern.compile("(?m)^Statement\\s*:\\s*Run Flyway with -X.*$");
    /** Statements shown at most this many lines long. */
    private static final int STATEMENT_LINES = 8;

    /** A construct only one family of databases writes, and how to name it to the user. */
    private record Marker(Pattern pattern, String description) {
        Marker(String regex, String description) {
            this(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), description);
        }
    }

    private static final List<Marker> MYSQL = List.of(
            new Marker("`[^`\\n]+`", "back-quoted names"),
            new Marker("\\bENGINE\\s*=", "ENGINE="),
            new Marker("\\bAUTO_INCREMENT\\b", "AUTO_INCREMENT"),
            new Marker("\\bDEFAULT\\s+CHARSET\\b|\\bCHARACTER\\s+SET\\s+\\w+", "character sets"),
            new Marker("\\b(?:tiny|medium)(?:int|text|blob)\\b", "MySQL types"),
            new Marker("\\bunsigned\\b", "unsigned"));

    private static final List<Marker> POSTGRESQL = List.of(
            new Marker("::\\s*[a-z]", ":: casts"),
            new Marker("\\b(?:big|small)?serial\\b", "serial"),
            new Marker("\\b(?:timestamptz|bytea|jsonb|tsvector)\\b", "PostgreSQL types"),
            new Marker("\\bgenerated\\s+(?:always|by\\s+default)\\s+as\\s+identity\\b", "identity columns"),
            new Marker("\\bcreate\\s+extension\\b", "create extension"),
            new Marker("\\$\\$", "$$ bodies"));

    private ReplayFailure() {
    }

    /**
     * Flyway's report of a failed migration, with the failing statement in place of Flyway's "run with -X"
     * line, and a hint when the failing file reads as SQL of another database family.
     */
    static String describe(String flywayMessage, Dialect replayedOn) {
        Optional<Path> file = find(LOCATION, flywayMessage).map(ReplayFailure::locationPath);
        Optional<Integer> line = find(LINE, flywayMessage).map(Integer::valueOf);
        String message = flywayMessage.strip();
        Optional<List<String>> lines = file.flatMap(ReplayFailure::readLines);
        if (lines.isPresent() && line.isPresent()) {
            String statement = statementAt(lines.get(), line.get());
            if (!statement.isEmpty()) {
                message = NO_STATEMENT.matcher(message).replaceFirst(Matcher.quoteReplacement(
                        "Statement  : " + statement.replace("\n", "\n             ")));
            }
        }
        if (lines.isPresent()) {
            String hint = otherDialectHint(file.get(), lines.get(), replayedOn);
            if (!hint.isEmpty()) {
                message += "\n" + hint;
            }
        }
        return message;
    }

    /** Flyway prints {@code path (path)} for filesystem locations, {@code name} for others. */
    private static Path locationPath(String location) {
        return Path.of(location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location);
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<List<String>> readLines(Path file) {
        if (!file.isAbsolute() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(text.lines().toList());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** From the 1-based {@code line} to the line that ends the statement, at most a few lines. */
    static String statementAt(List<String> lines, int line) {
        List<String> statement = new ArrayList<>();
        for (int i = line - 1; i >= 0 && i < lines.size() && statement.size() < STATEMENT_LINES; i++) {
            statement.add(lines.get(i).stripTrailing());
            if (lines.get(i).strip().endsWith(";")) {
                return String.join("\n", statement);
            }
        }
        if (statement.size() == STATEMENT_LINES && line - 1 + STATEMENT_LINES < lines.size()) {
            statement.add("…");
        }
        return String.join("\n", statement).strip();
    }

    /** A hint naming {@code schema.dialect} when the file is written in the other family's SQL. */
    static String otherDialectHint(Path file, List<String> lines, Dialect replayedOn) {
        boolean onPostgres = replayedOn == Dialect.POSTGRESQL;
        List<String> found = new ArrayList<>();
        for (Marker marker : onPostgres ? MYSQL : POSTGRESQL) {
            for (int i = 0; i < lines.size(); i++) {
                String code = withoutComment(lines.get(i));
                if (marker.pattern().matcher(code).find()) {
                    found.add(marker.description() + " (line " + (i + 1) + ")");
                    break;
                }
            }
        }
        // one marker alone may be a coincidence (a quoted string, a column named serial); two are a dialect
        if (found.size() < 2) {
            return "";
        }
        String family = onPostgres ? "MySQL/MariaDB" : "PostgreSQL";
        String fix = onPostgres
                ? "If the application's database is MariaDB, set <dialect>mariadb</dialect> (-Dschema.dialect=mariadb)"
                : "If the application's database is PostgreSQL, set <dialect>postgresql</dialect> (-Dschema.dialect=postgresql)";
        return "  " + file.getFileName() + " looks like " + family + " SQL: " + String.join(", ", found) + ". The plugin"
                + " replayed it on " + replayedOn.productName() + " (schema.dialect=" + replayedOn.id()
                + "). " + fix + "; a spring.datasource.url or flyway url naming the database sets it too.";
    }

    private static String withoutComment(String line) {
        int comment = line.indexOf("--");
        return comment < 0 ? line : line.substring(0, comment);
    }
}
