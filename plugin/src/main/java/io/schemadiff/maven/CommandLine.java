package io.schemadiff.maven;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The next command a message suggests, with the {@code -Dschema.*} options the user ran with: a
 * run that needed {@code -Dschema.dialect=mariadb} needs it for {@code schema:generate} too.
 */
final class CommandLine {

    /**
     * Options that concern only the run that printed the hint, not the next one; the verdict cache changes
     * how a verdict is reached, never what it is.
     */
    private static final Set<String> THIS_RUN_ONLY = Set.of("schema.failOnDifference", "schema.reportDirectory",
            "schema.skip", "schema.cache");

    private CommandLine() {
    }

    /** {@code command} followed by the user's {@code schema.*} properties, in name order, quoted when needed. */
    static String next(String command, Properties userProperties) {
        StringBuilder line = new StringBuilder(command);
        List<String> names = new TreeSet<>(userProperties.stringPropertyNames()).stream()
                .filter(name -> name.startsWith("schema.") && !THIS_RUN_ONLY.contains(name)).toList();
        for (String name : names) {
            String option = "-D" + name + "=" + userProperties.getProperty(name);
            line.append(' ').append(option.matches("[A-Za-z0-9_.,:/=*@+-]*") ? option : "\"" + option.replace("\"", "\\\"") + "\"");
        }
        return line.toString();
    }
}
