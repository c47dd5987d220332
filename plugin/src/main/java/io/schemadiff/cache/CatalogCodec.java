package io.schemadiff.cache;

import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.PrimaryKey;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Sequence;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A catalog as text and back, every field of every record kept, so a catalog read from a file is
 * {@code equals} to the one that was written. One record per line, fields separated by tabs, with
 * {@code \} escapes for tabs, line breaks and backslashes and {@code \N} for null. The last line holds
 * a SHA-256 of everything above it: a file cut short or edited is refused as a whole, never half used.
 */
public final class CatalogCodec {

    static final String HEADER = "schemadiff-catalog 1";
    private static final String NULL = "\\N";

    private CatalogCodec() {
    }

    /** A catalog with what was recorded about where it came from (server version, migrations replayed…). */
    public record Entry(Map<String, String> meta, DatabaseSchema schema) {
        public Entry {
            meta = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meta));
        }

        /** An entry that only notes something (which catalog to look at), with an empty schema. */
        public static Entry note(Map<String, String> meta) {
            return new Entry(meta, new DatabaseSchema(java.util.Set.of(), new TreeMap<>(), new TreeMap<>(),
                    java.util.List.of()));
        }
    }

    public static String encode(Entry entry) {
        Lines out = new Lines();
        entry.meta().forEach((key, value) -> out.line("meta").field(key).field(value));
        DatabaseSchema schema = entry.schema();
        schema.schemas().forEach(name -> out.line("schema").field(name));
        for (Table table : schema.tables().values()) {
            out.line("table").name(table.name());
            for (Column c : table.columns()) {
                out.line("column").field(c.name()).field(c.type()).bool(c.nullable()).field(c.defaultExpression())
                        .field(c.generation().name());
            }
            if (table.primaryKey() != null) {
                out.line("primary").field(table.primaryKey().name()).list(table.primaryKey().columns());
            }
            for (ForeignKey fk : table.foreignKeys()) {
                out.line("foreign").field(fk.name()).list(fk.columns()).name(fk.referencedTable())
                        .list(fk.referencedColumns()).field(action(fk.onDelete())).field(action(fk.onUpdate()))
                        .bool(fk.deferrable()).bool(fk.initiallyDeferred());
            }
            for (UniqueKey uk : table.uniqueKeys()) {
                out.line("unique").field(uk.name()).list(uk.columns()).bool(uk.backedByIndexOnly());
            }
            for (Index ix : table.indexes()) {
                out.line("index").field(ix.name()).bool(ix.unique()).field(ix.definition()).field(ix.body())
                        .bool(ix.partial()).bool(ix.expression());
            }
            for (CheckConstraint ck : table.checks()) {
                out.line("check").field(ck.name()).field(ck.definition()).list(ck.columns()).field(ck.expression());
            }
        }
        for (Sequence s : schema.sequences().values()) {
            out.line("sequence").name(s.name()).field(s.dataType()).number(s.start()).number(s.increment())
                    .number(s.minValue()).number(s.maxValue()).number(s.cache()).bool(s.cycle());
        }
        schema.unmanaged().forEach(object -> out.line("unmanaged").field(object));
        String body = HEADER + "\n" + out.text();
        return body + "end\t" + sha256(body) + "\n";
    }

    /**
     * @throws IllegalArgumentException when the text is not a whole catalog of this format (cut short,
     *                                  edited, another version's)
     */
    public static Entry decode(String text) {
        int end = text.lastIndexOf("end\t");
        if (!text.startsWith(HEADER + "\n") || end < 0 || !text.endsWith("\n")
                || (end > 0 && text.charAt(end - 1) != '\n')) {
            throw new IllegalArgumentException("not a whole catalog file of format '" + HEADER + "'");
        }
        String body = text.substring(0, end);
        if (!text.substring(end + "end\t".length(), text.length() - 1).equals(sha256(body))) {
            throw new IllegalArgumentException("its checksum does not match its content");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        Set<String> schemas = new LinkedHashSet<>();
        Map<QualifiedName, Table> tables = new TreeMap<>();
        Map<QualifiedName, Sequence> sequences = new TreeMap<>();
        List<String> unmanaged = new ArrayList<>();
        TableBuilder table = null;
        String[] lines = body.substring(HEADER.length() + 1).split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            Fields in = new Fields(lines[i], i + 2);
            String kind = in.field();
            switch (kind) {
                case "meta" -> meta.put(in.field(), in.field());
                case "schema" -> schemas.add(in.field());
                case "table" -> {
                    if (table != null) {
                        tables.put(table.name, table.build());
                    }
                    table = new TableBuilder(in.name());
                }
                case "column" -> in.of(table).columns.add(new Column(in.field(), in.field(), in.bool(), in.field(),
                        Column.Generation.valueOf(in.field())));
                case "primary" -> in.of(table).primaryKey = new PrimaryKey(in.field(), in.list());
                case "foreign" -> in.of(table).foreignKeys.add(new ForeignKey(in.field(), in.list(), in.name(),
                        in.list(), action(in.field()), action(in.field()), in.bool(), in.bool()));
                case "unique" -> in.of(table).uniqueKeys.add(new UniqueKey(in.field(), in.list(), in.bool()));
                case "index" -> in.of(table).indexes.add(new Index(in.field(), in.bool(), in.field(), in.field(),
                        in.bool(), in.bool()));
                case "check" -> in.of(table).checks.add(new CheckConstraint(in.field(), in.field(), in.list(),
                        in.field()));
                case "sequence" -> {
                    Sequence s = new Sequence(in.name(), in.field(), in.number(), in.number(), in.number(),
                            in.number(), in.number(), in.bool());
                    sequences.put(s.name(), s);
                }
                case "unmanaged" -> unmanaged.add(in.field());
                default -> throw new IllegalArgumentException("line " + (i + 2) + ": unknown record '" + kind + "'");
            }
            in.requireEnd();
        }
        if (table != null) {
            tables.put(table.name, table.build());
        }
        return new Entry(meta, new DatabaseSchema(schemas, new TreeMap<>(tables), new TreeMap<>(sequences), unmanaged));
    }

    private static String action(ForeignKey.Action action) {
        return action == null ? null : action.name();
    }

    private static ForeignKey.Action action(String name) {
        return name == null ? null : ForeignKey.Action.valueOf(name);
    }

    public static String sha256(String text) {
        return HexFormat.of().formatHex(InputFingerprint.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final class TableBuilder {
        final QualifiedName name;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<UniqueKey> uniqueKeys = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();

        TableBuilder(QualifiedName name) {
            this.name = name;
        }

        Table build() {
            return new Table(name, columns, primaryKey, foreignKeys, uniqueKeys, indexes, checks);
        }
    }

    /** Writes records: a kind, then escaped fields. */
    private static final class Lines {
        private final StringBuilder text = new StringBuilder();
        private boolean first = true;

        Lines line(String kind) {
            if (!first) {
                text.append('\n');
            }
            first = false;
            text.append(kind);
            return this;
        }

        Lines field(String value) {
            text.append('\t');
            if (value == null) {
                text.append(NULL);
                return this;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
            return this;
        }

        Lines name(QualifiedName name) {
            return field(name.schema()).field(name.name());
        }

        Lines list(List<String> values) {
            field(String.valueOf(values.size()));
            values.forEach(this::field);
            return this;
        }

        Lines bool(boolean value) {
            return field(value ? "1" : "0");
        }

        Lines number(long value) {
            return field(Long.toString(value));
        }

        String text() {
            return first ? "" : text + "\n";
        }
    }

    /** Reads one record's fields in order. */
    private static final class Fields {
        private final String[] fields;
        private final int lineNumber;
        private int next;

        Fields(String line, int lineNumber) {
            this.fields = line.split("\t", -1);
            this.lineNumber = lineNumber;
        }

        String field() {
            if (next >= fields.length) {
                throw new IllegalArgumentException("line " + lineNumber + ": too few fields");
            }
            String raw = fields[next++];
            if (raw.equals(NULL)) {
                return null;
            }
            StringBuilder value = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (++i >= raw.length()) {
                    throw new IllegalArgumentException("line " + lineNumber + ": a field ends in an escape");
                }
                value.append(switch (raw.charAt(i)) {
                    case '\\' -> '\\';
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> throw new IllegalArgumentException("line " + lineNumber + ": unknown escape \\"
                            + raw.charAt(i));
                });
            }
            return value.toString();
        }

        QualifiedName name() {
            return new QualifiedName(field(), field());
        }

        List<String> list() {
            int size = Integer.parseInt(field());
            List<String> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(field());
            }
            return values;
        }

        boolean bool() {
            String value = field();
            if (!"1".equals(value) && !"0".equals(value)) {
                throw new IllegalArgumentException("line " + lineNumber + ": not a flag: " + value);
            }
            return "1".equals(value);
        }

        long number() {
            return Long.parseLong(field());
        }

        TableBuilder of(TableBuilder table) {
            if (table == null) {
                throw new IllegalArgumentException("line " + lineNumber + ": a table's part before any table");
            }
            return table;
        }

        void requireEnd() {
            if (next != fields.length) {
                throw new IllegalArgumentException("line " + lineNumber + ": too many fields");
            }
        }
    }
}
