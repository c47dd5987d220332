package io.schemadiff.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code flyway-maven-plugin} configuration in the project's POM, flattened to the keys of
 * {@code flyway.conf} without their {@code flyway.} prefix ({@code locations}, {@code placeholders.name},
 * {@code schemas}, …), so the core reads both with one reader. Read from the effective model, so
 * Maven's {@code ${…}} expressions are already interpolated.
 */
final class FlywayPluginConfiguration {

    static final String GROUP_ID = "org.flywaydb";
    static final String ARTIFACT_ID = "flyway-maven-plugin";

    /** Elements that are maps of name to value in the plugin's configuration. */
    private static final List<String> MAPS = List.of("placeholders", "jdbcProperties");

    private FlywayPluginConfiguration() {
    }

    /** The plugin-level configuration, then each execution's on top: empty when the POM has no Flyway plugin. */
    static Map<String, String> of(MavenProject project) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            if (!GROUP_ID.equals(plugin.getGroupId()) || !ARTIFACT_ID.equals(plugin.getArtifactId())) {
                continue;
            }
            flatten((Xpp3Dom) plugin.getConfiguration(), flat);
            for (PluginExecution execution : plugin.getExecutions()) {
                flatten((Xpp3Dom) execution.getConfiguration(), flat);
            }
        }
        return flat;
    }

    static void flatten(Xpp3Dom configuration, Map<String, String> into) {
        if (configuration == null) {
            return;
        }
        for (Xpp3Dom element : configuration.getChildren()) {
            String name = element.getName();
            if (element.getChildCount() == 0) {
                if (element.getValue() != null && !element.getValue().isBlank()) {
                    into.put(name, element.getValue().trim());
                }
            } else if (MAPS.contains(name)) {
                for (Xpp3Dom entry : element.getChildren()) {
                    into.put(name + "." + entry.getName(), entry.getValue() == null ? "" : entry.getValue().trim());
                }
            } else {
                // <locations><location>a</location><location>b</location></locations>: a list
                StringBuilder list = new StringBuilder();
                for (Xpp3Dom item : element.getChildren()) {
                    if (item.getValue() != null && !item.getValue().isBlank()) {
                        list.append(list.length() == 0 ? "" : ",").append(item.getValue().trim());
                    }
                }
                into.put(name, list.toString());
            }
        }
    }
}
