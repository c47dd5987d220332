package io.schemadiff.config;

import io.schemadiff.core.SchemaException;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a YAML file into Spring Boot's flat keys, one {@link PropertiesFile.Document} per YAML
 * document ({@code ---}): nested maps joined with {@code .} (a key starting with {@code [} is joined
 * without the dot), list items as {@code key[0]}, an empty list as {@code key=""}, a null as
 * {@code ""}. Scalars become strings the way Spring Boot's loader makes them: SnakeYAML resolves
 * booleans and numbers ({@code 1.10} becomes {@code 1.1}, {@code yes} becomes {@code true}) but not
 * timestamps; a key that is not a string is put in brackets. Duplicate keys are an error, as in
 * Spring Boot, and so is a document that is not a map.
 */
final class YamlFile {

    private YamlFile() {
    }

    static List<PropertiesFile.Document> read(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<PropertiesFile.Document> documents = new ArrayList<>();
        ScalarConstructor scalars = new ScalarConstructor(options);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Node root : new Yaml(options).composeAll(reader)) {
                if (root == null || (root instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
                    continue;
                }
                if (!(root instanceof MappingNode)) {
                    throw new SchemaException("Malformed YAML in " + file + " at line " + line(root.getStartMark())
                            + ": a document must be a map of keys, not a " + kind(root));
                }
                List<PropertiesFile.Entry> entries = new ArrayList<>();
                new Flattener(file, scalars, entries).flatten("", root);
                if (!entries.isEmpty()) {
                    documents.add(new PropertiesFile.Document(List.copyOf(entries)));
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : " at line " + line(mark);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = "";
            if (e.getContext() != null) {
                Mark contextMark = e.getContextMark();
                boolean elsewhere = contextMark != null && mark != null && contextMark.getLine() != mark.getLine();
                context = " (" + e.getContext() + (elsewhere ? " that starts at line " + line(contextMark) : "") + ")";
            }
            throw new SchemaException("Malformed YAML in " + file + where + ": " + problem + context, e);
        } catch (YAMLException e) {
            throw new SchemaException("Malformed YAML in " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SchemaException("Could not read " + file + ": " + e.getMessage(), e);
        }
        return documents;
    }

    private static int line(Mark mark) {
        return mark.getLine() + 1;
    }

    private static String kind(Node node) {
        if (node instanceof SequenceNode) {
            return "list";
        }
        return node instanceof ScalarNode ? "single value" : node.getNodeId().name();
    }

    private static final class Flattener {

        private final Path file;
        private final ScalarConstructor scalars;
        private final List<PropertiesFile.Entry> into;
        private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());

        Flattener(Path file, ScalarConstructor scalars, List<PropertiesFile.Entry> into) {
            this.file = file;
            this.scalars = scalars;
            this.into = into;
        }

        void flatten(String path, Node node) {
            if (!onPath.add(node)) {
                throw new SchemaException("Malformed YAML in " + file + " at line " + line(node.getStartMark())
                        + ": an alias refers to a node that contains it (" + path + ")");
            }
            try {
                if (node instanceof MappingNode mapping) {
                    for (Map.Entry<String, Node> entry : entries(mapping).entrySet()) {
                        flatten(join(path, entry.getKey()), entry.getValue());
                    }
                } else if (node instanceof SequenceNode sequence) {
                    List<Node> items = sequence.getValue();
                    if (items.isEmpty()) {
                        into.add(new PropertiesFile.Entry(path, "", line(node.getStartMark())));
                    }
                    for (int i = 0; i < items.size(); i++) {
                        flatten(path + "[" + i + "]", items.get(i));
                    }
                } else if (node instanceof ScalarNode scalar) {
                    into.add(new PropertiesFile.Entry(path, scalars.text(scalar), line(node.getStartMark())));
                }
            } finally {
                onPath.remove(node);
            }
        }

        /** The entries of a map, merge keys ({@code <<: *defaults}) applied, in the order written. */
        private Map<String, Node> entries(MappingNode mapping) {
            Map<String, Node> merged = new LinkedHashMap<>();
            Map<String, Node> own = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Node valueNode = tuple.getValueNode();
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    mergeInto(merged, valueNode);
                    continue;
                }
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    throw new SchemaException("Malformed YAML in " + file + " at line " + line(keyNode.getStartMark())
                            + ": a key must be a single value, not a " + kind(keyNode));
                }
                String key = scalars.key(scalarKey);
                if (!seen.add(key)) {
                    throw new SchemaException("Malformed YAML in " + file + " at line " + line(keyNode.getStartMark())
                            + ": duplicate key '" + key + "'");
                }
                own.put(key, valueNode);
            }
            for (Map.Entry<String, Node> entry : own.entrySet()) {
                merged.remove(entry.getKey());
                merged.put(entry.getKey(), entry.getValue());
            }
            return merged;
        }

        private void mergeInto(Map<String, Node> merged, Node source) {
            if (source instanceof MappingNode mapping) {
                entries(mapping).forEach(merged::putIfAbsent);
            } else if (source instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    mergeInto(merged, item);
                }
            } else {
                throw new SchemaException("Malformed YAML in " + file + " at line " + line(source.getStartMark())
                        + ": '<<' must merge a map or a list of maps");
            }
        }

        private static String join(String path, String key) {
            if (path.isEmpty()) {
                return key;
            }
            return key.startsWith("[") ? path + key : path + "." + key;
        }
    }

    /** Builds the Java value SnakeYAML would give a scalar, to turn it into Spring Boot's string. */
    private static final class ScalarConstructor extends SafeConstructor {

        ScalarConstructor(LoaderOptions options) {
            super(options);
        }

        String text(ScalarNode node) {
            Object value = value(node);
            return value == null ? "" : String.valueOf(value);
        }

        String key(ScalarNode node) {
            Object value = value(node);
            if (value instanceof String text) {
                return text;
            }
            return "[" + (value == null ? "" : value) + "]";
        }

        private Object value(ScalarNode node) {
            Tag tag = node.getTag();
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
                return constructObject(node);
            }
            return node.getValue();
        }
    }
}
