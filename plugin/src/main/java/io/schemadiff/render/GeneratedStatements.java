package io.schemadiff.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a migration this plugin wrote, one by one, for running it outside a transaction
 * (PostgreSQL refuses {@code create index concurrently} in a string of several statements). Its templates
 * end every statement with a semicolon at the end of a line and write comments on lines of their own.
 */
public final class GeneratedStatements {

    private GeneratedStatements() {
    }

    public static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
