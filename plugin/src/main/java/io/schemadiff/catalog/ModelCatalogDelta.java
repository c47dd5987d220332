package io.schemadiff.catalog;

import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Sequence;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The catalog of a new model DDL planned from the catalog of the old one (PostgreSQL only): only the
 * tables whose statements changed, and those whose foreign keys point at a table whose columns or keys
 * changed, are applied to an empty database, with the global statements (schemas, sequences, types) and
 * stubs of the tables they reference; the rest of the catalog is the old one's.
 *
 * <p>What a table's catalog entry depends on, and how each dependency is kept exact:
 * <ul>
 *   <li>its own statements ({@code create table}, {@code alter table}, {@code create index},
 *       {@code comment on}): compared as ordered lists of exact strings; any difference applies it afresh;</li>
 *   <li>the key of every table its foreign keys reference ({@code references t} without columns means
 *       {@code t}'s primary key; the key's columns are named, and must exist and be unique): a table
 *       referencing a removed table, or one whose key-shaping statements changed ({@code create table},
 *       {@code alter table} other than foreign keys, {@code create unique index}; not its own foreign keys,
 *       plain indexes or comments), is applied afresh too, with stubs (the referenced tables' statements
 *       without their own foreign keys) to reference;</li>
 *   <li>global objects (types, domains, sequences, schemas): every global statement of the new DDL is
 *       applied every time, sequences, schemas and unmanaged objects are all taken from the fresh database,
 *       and a table whose statements name a global object that changed is applied afresh;</li>
 *   <li>names PostgreSQL chooses for unnamed constraints and indexes ({@code orders_pkey},
 *       {@code orders_status_check}): they avoid every name already taken in the schema, so they can depend
 *       on other tables. {@link #merge} refuses when a name in the result is taken twice, or numbered
 *       ({@code orders_status_check1}) because of a name another table holds, which is the only way such a
 *       dependency shows.</li>
 * </ul>
 * Anything else - a statement it cannot classify with certainty - makes {@link #plan} refuse, and the caller
 * applies the whole DDL as before.
 */
public final class ModelCatalogDelta {

    private static final String DEFAULT_SCHEMA = "public";
    /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are truncated, in bytes. */
    private static final int NAME_BYTES = 63;
    /** The labels of names PostgreSQL generates for constraints and indexes, with the number it adds on a clash. */
    private static final Pattern NUMBERED_GENERATED_NAME = Pattern.compile("(.*_(?:pkey|key|fkey|check|idx|excl))(\\d+)");
    private static final Pattern GENERATED_NAME = Pattern.compile(".*_(?:pkey|key|fkey|check|idx|excl)\\d*");

    private final List<String> statements;
    private final Set<QualifiedName> affected;
    private final Set<QualifiedName> removed;
    private final Set<QualifiedName> stubs;
    private final Set<QualifiedName> oldTables;
    private final Set<QualifiedName> newTables;

    private ModelCatalogDelta(List<String> statements, Set<QualifiedName> affected, Set<QualifiedName> removed,
                              Set<QualifiedName> stubs, Set<QualifiedName> oldTables, Set<QualifiedName> newTables) {
        this.statements = List.copyOf(statements);
        this.affected = Collections.unmodifiableSet(new TreeSet<>(affected));
        this.removed = Collections.unmodifiableSet(new TreeSet<>(removed));
        this.stubs = Collections.unmodifiableSet(new TreeSet<>(stubs));
        this.oldTables = Collections.unmodifiableSet(new TreeSet<>(oldTables));
        this.newTables = Collections.unmodifiableSet(new TreeSet<>(newTables));
    }

    /**
     * Plans the catalog of {@code newDdl} from the catalog of {@code oldDdl}, applying only what changed.
     * Empty when the DDLs are equal, when a statement cannot be classified with certainty, when global
     * statements changed in a way this cannot follow (an extension), or when more than a quarter of the new
     * tables would have to be applied anyway.
     */
    public static Optional<ModelCatalogDelta> plan(List<String> oldDdl, List<String> newDdl) {
        return plan(oldDdl, newDdl, -1);
    }

    /**
     * @param maxApplied the most tables (affected plus stubs) worth applying this way; negative for a quarter of
     *                   the new DDL's tables
     */
    static Optional<ModelCatalogDelta> plan(List<String> oldDdl, List<String> newDdl, int maxApplied) {
        if (oldDdl.equals(newDdl)) {
            return Optional.empty();
        }
        Ddl before;
        Ddl after;
        try {
            before = Ddl.parse(oldDdl);
            after = Ddl.parse(newDdl);
        } catch (Unclassifiable e) {
            return Optional.empty();
        }

        // global statements that are in one DDL and not the other (as multisets of exact strings)
        Set<String> changedGlobals = new TreeSet<>();
        Map<String, Integer> balance = new HashMap<>();
        Map<String, Statement> globalsBySql = new HashMap<>();
        before.globals.forEach(s -> {
            balance.merge(s.sql, 1, Integer::sum);
            globalsBySql.put(s.sql, s);
        });
        after.globals.forEach(s -> {
            balance.merge(s.sql, -1, Integer::sum);
            globalsBySql.put(s.sql, s);
        });
        for (Map.Entry<String, Integer> entry : balance.entrySet()) {
            if (entry.getValue() != 0) {
                Statement global = globalsBySql.get(entry.getKey());
                if (global.kind == Kind.EXTENSION) {
                    return Optional.empty(); // an extension brings objects of its own, unknown here
                }
                if (global.declared != null) {
                    changedGlobals.add(global.declared.toLowerCase(Locale.ROOT));
                }
            }
        }
        Pattern mentioned = changedGlobals.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}_$])(?:"
                + changedGlobals.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                + ")(?![\\p{L}\\p{N}_$])");

        // changed: the table's statements differ (or it is new), or they name a global object that changed;
        // reshaped: changed in a way a foreign key to the table can see (columns, unique keys, types)
        Set<QualifiedName> changed = new TreeSet<>();
        Set<QualifiedName> reshaped = new TreeSet<>(before.groups.keySet());
        reshaped.removeAll(after.groups.keySet());
        Set<QualifiedName> removed = new TreeSet<>(reshaped);
        for (Map.Entry<QualifiedName, List<Statement>> group : after.groups.entrySet()) {
            List<Statement> previous = before.groups.get(group.getKey());
            if (previous == null || (mentioned != null && mentions(group.getValue(), changedGlobals, mentioned))) {
                changed.add(group.getKey());
                reshaped.add(group.getKey());
            } else if (!sqlOf(previous).equals(sqlOf(group.getValue()))) {
                changed.add(group.getKey());
                if (!sqlOf(keyShaping(previous)).equals(sqlOf(keyShaping(group.getValue())))) {
                    reshaped.add(group.getKey());
                }
            }
        }

        // a foreign key names the referenced table and its key columns, and holds only if they make a key: it
        // belongs to the referencing table's catalog, which is read afresh whenever the referenced one was reshaped
        Set<QualifiedName> affected = new TreeSet<>(changed);
        for (Map.Entry<QualifiedName, List<Statement>> group : after.groups.entrySet()) {
            for (Statement statement : group.getValue()) {
                if (statement.referenced != null && reshaped.contains(statement.referenced)) {
                    affected.add(group.getKey());
                }
            }
        }
        if (affected.isEmpty() && removed.isEmpty() && sqlOf(before.globals).equals(sqlOf(after.globals))) {
            return Optional.empty(); // the same statements, in another order
        }

        Set<QualifiedName> stubs = new TreeSet<>();
        for (QualifiedName table : affected) {
            for (Statement statement : after.groups.get(table)) {
                if (statement.referenced != null && !affected.contains(statement.referenced)
                        && after.groups.containsKey(statement.referenced)) {
                    stubs.add(statement.referenced);
                }
            }
        }
        int limit = maxApplied >= 0 ? maxApplied : after.groups.size() / 4;
        if (affected.size() + stubs.size() > limit) {
            return Optional.empty();
        }

        List<String> statements = new ArrayList<>();
        for (Statement statement : after.statements) {
            if (statement.subject == null
                    || affected.contains(statement.subject)
                    || (stubs.contains(statement.subject) && !statement.foreignKey)) {
                statements.add(statement.sql);
            }
        }
        return Optional.of(new ModelCatalogDelta(statements, affected, removed, stubs, before.groups.keySet(),
                after.groups.keySet()));
    }

    /**
     * The statements to run, in order, in an empty database: the new DDL's global statements, the statements
     * of the affected tables, and those of the tables they reference without their foreign keys; all in the
     * new DDL's order.
     */
    public List<String> statements() {
        return statements;
    }

    /** The tables whose catalog comes from the fresh database: new, changed, or referencing one that changed. */
    public Set<QualifiedName> affected() {
        return affected;
    }

    /** The tables of the old DDL that the new one no longer has. */
    public Set<QualifiedName> removed() {
        return removed;
    }

    /** The tables applied only to be referenced, whose entries in the fresh catalog are not used. */
    Set<QualifiedName> stubs() {
        return stubs;
    }

    /**
     * The new DDL's catalog: {@code oldCatalog} without the removed and affected tables, plus the affected
     * tables, every sequence, the schemas and the unmanaged objects of {@code freshCatalog}. Both catalogs
     * must be read the same way (the same schemas, or every user schema): {@code oldCatalog} from a database
     * that ran the whole old DDL, {@code freshCatalog} from an empty one that ran {@link #statements()}.
     *
     * @return empty when the result could differ from a full apply's: the catalogs do not hold the tables this
     * plan expects of them, or a generated constraint or index name is numbered or taken twice in a schema
     * (then which table gets the plain name depends on the order of the whole DDL)
     */
    public Optional<DatabaseSchema> merge(DatabaseSchema oldCatalog, DatabaseSchema freshCatalog) {
        if (!oldCatalog.tables().keySet().equals(within(oldTables, oldCatalog.schemas()))) {
            return Optional.empty();
        }
        Set<QualifiedName> applied = new TreeSet<>(affected);
        applied.addAll(stubs);
        if (!freshCatalog.tables().keySet().equals(within(applied, freshCatalog.schemas()))) {
            return Optional.empty();
        }
        SortedMap<QualifiedName, Table> tables = new TreeMap<>();
        for (QualifiedName name : newTables) {
            if (!freshCatalog.schemas().contains(name.schema())) {
                continue; // not read, on either side
            }
            Table table = affected.contains(name) ? freshCatalog.tables().get(name) : oldCatalog.tables().get(name);
            if (table == null) {
                return Optional.empty();
            }
            tables.put(name, table);
        }
        DatabaseSchema merged = new DatabaseSchema(freshCatalog.schemas(), tables, freshCatalog.sequences(),
                freshCatalog.unmanaged());
        return namesTakenOnce(merged) ? Optional.of(merged) : Optional.empty();
    }

    private static Set<QualifiedName> within(Set<QualifiedName> tables, Set<String> schemas) {
        return tables.stream().filter(t -> schemas.contains(t.schema())).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Whether the names PostgreSQL generated cannot depend on other tables. A generated constraint or index name
     * ({@code <table>_<columns>_<label>}) avoids every name taken in the schema when it is made, numbering itself
     * ({@code _check1}) when the plain one is taken. So: no name in a schema may be held by two owners (tables, or
     * sequences), and a numbered name is accepted only when the plain name and every lower number belong to the
     * same table, whose own statements, in their own order, numbered it. Then every generated name is what it is
     * whatever the order of the tables around it, and the tables taken from the old catalog have the names a full
     * apply would give them.
     */
    static boolean namesTakenOnce(DatabaseSchema schema) {
        Map<String, Map<String, Object>> owners = new HashMap<>();
        for (Sequence sequence : schema.sequences().values()) {
            if (!claim(owners, sequence.name().schema(), sequence.name().name(), "sequence " + sequence.name())) {
                return false;
            }
        }
        for (Table table : schema.tables().values()) {
            if (!claim(owners, table.name().schema(), table.name().name(), table.name())) {
                return false;
            }
            for (String name : constraintAndIndexNames(table)) {
                if (!claim(owners, table.name().schema(), name, table.name())) {
                    return false;
                }
            }
        }
        for (Table table : schema.tables().values()) {
            Map<String, Object> namespace = owners.get(table.name().schema());
            for (String name : constraintAndIndexNames(table)) {
                Matcher numbered = NUMBERED_GENERATED_NAME.matcher(name);
                if (numbered.matches()) {
                    String digits = numbered.group(2);
                    if (digits.startsWith("0") || digits.length() > 4) {
                        return false;
                    }
                    for (int lower = 0; lower < Integer.parseInt(digits); lower++) {
                        String taken = numbered.group(1) + (lower == 0 ? "" : String.valueOf(lower));
                        if (!table.name().equals(namespace.get(taken))) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    private static List<String> constraintAndIndexNames(Table table) {
        List<String> names = new ArrayList<>();
        table.primaryKeyIfAny().ifPresent(pk -> names.add(pk.name()));
        table.uniqueKeys().stream().map(UniqueKey::name).forEach(names::add);
        table.indexes().stream().map(Index::name).forEach(names::add);
        table.checks().stream().map(CheckConstraint::name).forEach(names::add);
        table.foreignKeys().stream().map(ForeignKey::name).forEach(names::add);
        return names;
    }

    private static boolean claim(Map<String, Map<String, Object>> owners, String schema, String name, Object owner) {
        Object previous = owners.computeIfAbsent(schema, s -> new HashMap<>()).putIfAbsent(name, owner);
        return previous == null || previous.equals(owner);
    }

    private static List<Statement> keyShaping(List<Statement> group) {
        return group.stream().filter(Statement::shapesKeys).toList();
    }

    private static List<String> sqlOf(List<Statement> statements) {
        return statements.stream().map(Statement::sql).toList();
    }

    /** Whether a table's statements name one of {@code names} (folded), as an identifier or inside a literal. */
    private static boolean mentions(List<Statement> group, Set<String> names, Pattern inLiteral) {
        for (Statement statement : group) {
            for (Token token : statement.tokens) {
                if ((token.type == Type.WORD || token.type == Type.QUOTED)
                        && names.contains(token.text.toLowerCase(Locale.ROOT))) {
                    return true;
                }
                if (token.type == Type.STRING && inLiteral.matcher(token.text.toLowerCase(Locale.ROOT)).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------
    // the DDL, statement by statement

    private enum Kind { TABLE, GLOBAL, EXTENSION }

    /**
     * @param subject    the table the statement belongs to; {@code null} for a global statement
     * @param referenced the table a foreign key added by this statement references
     * @param shapesKeys whether the statement can change the table's columns or unique keys, which a foreign
     *                   key to the table resolves against: not its own foreign keys, plain indexes or comments
     * @param declared   the (unqualified) name of the global object a global statement creates
     */
    private record Statement(String sql, Kind kind, QualifiedName subject, QualifiedName referenced,
                             boolean foreignKey, boolean shapesKeys, String declared, List<Token> tokens) {
    }

    private static final class Ddl {
        final List<Statement> statements = new ArrayList<>();
        final List<Statement> globals = new ArrayList<>();
        final Map<QualifiedName, List<Statement>> groups = new LinkedHashMap<>();

        static Ddl parse(List<String> ddl) {
            Ddl parsed = new Ddl();
            for (String sql : ddl) {
                Statement statement = classify(sql);
                parsed.statements.add(statement);
                if (statement.subject == null) {
                    parsed.globals.add(statement);
                } else {
                    parsed.groups.computeIfAbsent(statement.subject, t -> new ArrayList<>()).add(statement);
                }
            }
            return parsed;
        }
    }

    /** A statement this class cannot classify with certainty. */
    private static final class Unclassifiable extends RuntimeException {
        Unclassifiable() {
            super(null, null, false, false);
        }
    }

    private static Statement classify(String sql) {
        List<Token> tokens = tokenize(sql);
        Parser p = new Parser(tokens);
        if (p.accept("create", "table")) {
            return createTable(sql, p);
        }
        if (p.accept("create", "unique", "index")) {
            return createIndex(sql, p, true);
        }
        if (p.accept("create", "index")) {
            return createIndex(sql, p, false);
        }
        if (p.accept("alter", "table")) {
            return alterTable(sql, p);
        }
        if (p.accept("comment", "on")) {
            return comment(sql, p);
        }
        if (p.accept("create", "schema")) {
            p.accept("if", "not", "exists");
            String name = p.single();
            if (p.accept("authorization")) {
                p.single();
            }
            p.end();
            return global(sql, name, tokens);
        }
        if (p.accept("create", "sequence")) {
            p.accept("if", "not", "exists");
            String name = last(p.name(2));
            // "owned by" ties the sequence to a table's column, which decides whether it is listed
            p.refuseWord("owned");
            return global(sql, name, tokens);
        }
        if (p.accept("create", "type")) {
            String name = last(p.name(2));
            if (GENERATED_NAME.matcher(name).matches()) {
                throw new Unclassifiable(); // a composite type's relation could take a generated name
            }
            p.refuseWord("references");
            return global(sql, name, tokens);
        }
        if (p.accept("create", "domain")) {
            String name = last(p.name(2));
            return global(sql, name, tokens);
        }
        if (p.accept("create", "extension")) {
            return new Statement(sql, Kind.EXTENSION, null, null, false, false, null, tokens);
        }
        throw new Unclassifiable();
    }

    private static Statement global(String sql, String declared, List<Token> tokens) {
        return new Statement(sql, Kind.GLOBAL, null, null, false, false, declared, tokens);
    }

    private static Statement table(String sql, QualifiedName subject, boolean shapesKeys, List<Token> tokens) {
        return new Statement(sql, Kind.TABLE, subject, null, false, shapesKeys, null, tokens);
    }

    /** {@code create table [if not exists] X ( ... )}, with no foreign key, {@code like} or anything after. */
    private static Statement createTable(String sql, Parser p) {
        p.accept("if", "not", "exists");
        QualifiedName table = tableName(p.name(2));
        int open = p.position();
        int close = p.skipParenthesised();
        p.end();
        boolean elementStart = true;
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            Token token = p.tokens.get(i);
            if (token.isWord("references") || token.isWord("foreign")) {
                throw new Unclassifiable(); // a foreign key inside create table: not Hibernate's shape
            }
            if (elementStart && depth == 0 && token.isWord("like")) {
                throw new Unclassifiable(); // copies another table's columns
            }
            elementStart = false;
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && token.isSymbol(',')) {
                elementStart = true;
            }
        }
        return table(sql, table, true, p.tokens);
    }

    /** {@code create [unique] index [if not exists] [N] on [only] X ...}. */
    private static Statement createIndex(String sql, Parser p, boolean unique) {
        if (p.peekWord("concurrently")) {
            throw new Unclassifiable();
        }
        p.accept("if", "not", "exists");
        if (!p.peekWord("on")) {
            p.single(); // an index lives in its table's schema and cannot be qualified
        }
        p.expect("on");
        p.accept("only");
        QualifiedName table = tableName(p.name(2));
        p.refuseWord("references");
        return table(sql, table, unique, p.tokens);
    }

    /**
     * {@code alter table [if exists] [only] X} with one action: {@code add} a constraint or a column,
     * or {@code alter column c} {@code set/drop not null} or {@code type ...}.
     */
    private static Statement alterTable(String sql, Parser p) {
        p.accept("if", "exists");
        p.accept("only");
        QualifiedName table = tableName(p.name(2));
        p.refuseTopLevelComma();
        if (p.accept("add")) {
            if (p.accept("constraint")) {
                p.single();
            }
            if (p.accept("foreign", "key")) {
                p.skipParenthesised();
                p.expect("references");
                QualifiedName referenced = tableName(p.name(2));
                p.refuseWord("references");
                return new Statement(sql, Kind.TABLE, table, referenced, true, false, null, p.tokens);
            }
            // a unique, primary key, check or exclusion constraint, or a column: the table's own
            p.refuseWord("references");
            p.refuseWord("foreign");
            return table(sql, table, true, p.tokens);
        }
        if (p.accept("alter")) {
            p.accept("column");
            p.single();
            if (p.accept("set", "not", "null") || p.accept("drop", "not", "null")) {
                p.end();
                return table(sql, table, true, p.tokens);
            }
            if (p.accept("type") || p.accept("set", "data", "type")) {
                p.refuseWord("references");
                return table(sql, table, true, p.tokens);
            }
        }
        throw new Unclassifiable();
    }

    /** {@code comment on table X}, {@code column X.c}, {@code constraint n on X}; or on a schema, type or domain. */
    private static Statement comment(String sql, Parser p) {
        Statement statement;
        if (p.accept("table")) {
            statement = table(sql, tableName(p.name(2)), false, p.tokens);
        } else if (p.accept("column")) {
            List<String> parts = p.name(3);
            if (parts.size() < 2) {
                throw new Unclassifiable();
            }
            statement = table(sql, tableName(parts.subList(0, parts.size() - 1)), false, p.tokens);
        } else if (p.accept("constraint")) {
            p.single();
            p.expect("on");
            if (p.accept("domain")) {
                p.name(2);
                statement = global(sql, null, p.tokens);
            } else {
                statement = table(sql, tableName(p.name(2)), false, p.tokens);
            }
        } else if (p.accept("schema") || p.accept("type") || p.accept("domain")) {
            p.name(2);
            statement = global(sql, null, p.tokens);
        } else {
            throw new Unclassifiable();
        }
        p.expect("is");
        if (!p.acceptString() && !p.accept("null")) {
            throw new Unclassifiable();
        }
        p.end();
        return statement;
    }

    private static QualifiedName tableName(List<String> parts) {
        return switch (parts.size()) {
            case 1 -> QualifiedName.of(DEFAULT_SCHEMA, parts.get(0));
            case 2 -> QualifiedName.of(parts.get(0), parts.get(1));
            default -> throw new Unclassifiable();
        };
    }

    private static String last(List<String> parts) {
        return parts.get(parts.size() - 1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // tokens

    private enum Type { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    /** A word is folded as PostgreSQL folds unquoted identifiers; a quoted identifier or a string is as written. */
    private record Token(Type type, String text) {
        boolean isWord(String word) {
            return type == Type.WORD && text.equals(word);
        }

        boolean isSymbol(char symbol) {
            return type == Type.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
        }
    }

    private static final class Parser {
        final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        int position() {
            return at;
        }

        /** Advances past {@code words} when they come next, all of them. */
        boolean accept(String... words) {
            for (int i = 0; i < words.length; i++) {
                if (at + i >= tokens.size() || !tokens.get(at + i).isWord(words[i])) {
                    return false;
                }
            }
            at += words.length;
            return true;
        }

        boolean peekWord(String word) {
            return at < tokens.size() && tokens.get(at).isWord(word);
        }

        void expect(String word) {
            if (!accept(word)) {
                throw new Unclassifiable();
            }
        }

        boolean acceptString() {
            if (at < tokens.size() && tokens.get(at).type == Type.STRING) {
                at++;
                return true;
            }
            return false;
        }

        void end() {
            if (at != tokens.size()) {
                throw new Unclassifiable();
            }
        }

        /** A dotted name of at most {@code maxParts} identifiers, each folded and truncated as PostgreSQL does. */
        List<String> name(int maxParts) {
            List<String> parts = new ArrayList<>();
            parts.add(identifier());
            while (at + 1 < tokens.size() && tokens.get(at).isSymbol('.')) {
                at++;
                parts.add(identifier());
            }
            if (parts.size() > maxParts) {
                throw new Unclassifiable();
            }
            return parts;
        }

        String single() {
            return name(1).get(0);
        }

        private String identifier() {
            if (at >= tokens.size()) {
                throw new Unclassifiable();
            }
            Token token = tokens.get(at);
            if (token.type != Type.WORD && token.type != Type.QUOTED) {
                throw new Unclassifiable();
            }
            at++;
            return truncated(token.text);
        }

        /** Skips a parenthesised group starting here; returns the index of its closing parenthesis. */
        int skipParenthesised() {
            if (at >= tokens.size() || !tokens.get(at).isSymbol('(')) {
                throw new Unclassifiable();
            }
            int depth = 0;
            for (int i = at; i < tokens.size(); i++) {
                if (tokens.get(i).isSymbol('(')) {
                    depth++;
                } else if (tokens.get(i).isSymbol(')') && --depth == 0) {
                    at = i + 1;
                    return i;
                }
            }
            throw new Unclassifiable();
        }

        void refuseWord(String word) {
            for (int i = at; i < tokens.size(); i++) {
                if (tokens.get(i).isWord(word)) {
                    throw new Unclassifiable();
                }
            }
        }

        void refuseTopLevelComma() {
            int depth = 0;
            for (int i = at; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.isSymbol('(')) {
                    depth++;
                } else if (token.isSymbol(')')) {
                    depth--;
                } else if (depth == 0 && token.isSymbol(',')) {
                    throw new Unclassifiable();
                }
            }
        }
    }

    private static String truncated(String identifier) {
        byte[] bytes = identifier.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= NAME_BYTES) {
            return identifier;
        }
        int end = identifier.length();
        while (identifier.substring(0, end).getBytes(StandardCharsets.UTF_8).length > NAME_BYTES) {
            end = identifier.offsetByCodePoints(end, -1);
        }
        return identifier.substring(0, end);
    }

    /**
     * Splits one statement into tokens: words (folded), quoted identifiers, strings (plain, {@code E''}, dollar
     * quoted), numbers and single-character symbols; comments and one trailing semicolon are dropped. Anything
     * unusual (an unterminated quote, a second statement, a parameter, a Unicode escape) is unclassifiable.
     */
    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        boolean ended = false;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = afterBlockComment(sql, i);
                continue;
            }
            if (ended) {
                throw new Unclassifiable(); // a second statement
            }
            if (c == ';') {
                ended = true;
                i++;
                continue;
            }
            if (c == '\'') {
                i = string(sql, i, false, tokens);
            } else if (c == '"') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new Unclassifiable();
                    }
                    char d = sql.charAt(j);
                    if (d == '"') {
                        if (j + 1 < n && sql.charAt(j + 1) == '"') {
                            text.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    text.append(d);
                    j++;
                }
                if (text.isEmpty()) {
                    throw new Unclassifiable();
                }
                tokens.add(new Token(Type.QUOTED, text.toString()));
                i = j + 1;
            } else if (c == '$') {
                int j = i + 1;
                while (j < n && identifierPart(sql.charAt(j)) && sql.charAt(j) != '$') {
                    j++;
                }
                if (j >= n || sql.charAt(j) != '$' || (j > i + 1 && Character.isDigit(sql.charAt(i + 1)))) {
                    throw new Unclassifiable(); // a parameter, or a stray dollar
                }
                String tag = sql.substring(i, j + 1);
                int close = sql.indexOf(tag, j + 1);
                if (close < 0) {
                    throw new Unclassifiable();
                }
                tokens.add(new Token(Type.STRING, sql.substring(j + 1, close)));
                i = close + tag.length();
            } else if (identifierStart(c)) {
                int j = i + 1;
                while (j < n && identifierPart(sql.charAt(j))) {
                    j++;
                }
                String word = sql.substring(i, j);
                String folded = fold(word);
                if (j < n && (sql.charAt(j) == '\'' || sql.charAt(j) == '&') && folded.equals("u")) {
                    throw new Unclassifiable(); // U&'...' and U&"...": Unicode escapes
                }
                if (j < n && sql.charAt(j) == '\'' && folded.equals("e")) {
                    i = string(sql, j, true, tokens);
                } else if (j < n && sql.charAt(j) == '\'' && (folded.equals("b") || folded.equals("x")
                        || folded.equals("n"))) {
                    i = string(sql, j, false, tokens);
                } else {
                    tokens.add(new Token(Type.WORD, folded));
                    i = j;
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int j = i;
                while (j < n && (Character.isDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                if (j < n && (sql.charAt(j) == 'e' || sql.charAt(j) == 'E')) {
                    int k = j + 1;
                    if (k < n && (sql.charAt(k) == '+' || sql.charAt(k) == '-')) {
                        k++;
                    }
                    if (k < n && Character.isDigit(sql.charAt(k))) {
                        j = k;
                        while (j < n && Character.isDigit(sql.charAt(j))) {
                            j++;
                        }
                    }
                }
                tokens.add(new Token(Type.NUMBER, sql.substring(i, j)));
                i = j;
            } else {
                tokens.add(new Token(Type.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    private static int afterBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw new Unclassifiable();
    }

    /** A string literal opening at {@code open}; returns the index after it. */
    private static int string(String sql, int open, boolean backslashEscapes, List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\' && i + 1 < sql.length()) {
                text.append(c).append(sql.charAt(i + 1));
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    text.append('\'');
                    i += 2;
                } else {
                    tokens.add(new Token(Type.STRING, text.toString()));
                    return i + 1;
                }
            } else {
                text.append(c);
                i++;
            }
        }
        throw new Unclassifiable();
    }

    private static boolean identifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean identifierPart(char c) {
        return identifierStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    /** PostgreSQL folds the ASCII letters of unquoted identifiers (and leaves other characters in UTF-8). */
    private static String fold(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    @Override
    public String toString() {
        return "ModelCatalogDelta[affected=" + affected + ", removed=" + removed + ", stubs=" + stubs + ", "
                + statements.size() + " statements]";
    }
}
