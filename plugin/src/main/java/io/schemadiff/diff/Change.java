package io.schemadiff.diff;

import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.PrimaryKey;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Sequence;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One step that brings the reference schema closer to the model. Each kind has its own template
 * ({@link Kind#template()}) and its own place in the plan ({@link Kind#phase()}).
 */
public sealed interface Change {

    /** Kinds of change, in the order a migration must run them. */
    enum Kind {
        CREATE_SCHEMA,
        CREATE_SEQUENCE,
        RENAME_TABLE,
        RENAME_COLUMN,
        RENAME_CONSTRAINT,
        DROP_FOREIGN_KEY,
        DROP_INDEX,
        DROP_UNIQUE_KEY,
        DROP_CHECK,
        DROP_PRIMARY_KEY,
        DROP_TABLE,
        DROP_COLUMN,
        CREATE_TABLE,
        ADD_COLUMN,
        ALTER_COLUMN,
        ADD_PRIMARY_KEY,
        ADD_UNIQUE_KEY,
        ADD_CHECK,
        CREATE_INDEX,
        ALTER_FOREIGN_KEY,
        ADD_FOREIGN_KEY,
        ALTER_SEQUENCE,
        DROP_SEQUENCE;

        /** Position in a migration: schemas and sequences first, drops before creates, foreign keys last. */
        public int phase() {
            return ordinal();
        }

        /** Template file name, e.g. {@code add_column} for {@code templates/postgresql/add_column.vm}. */
        public String template() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    Kind kind();

    /** The table the change is about; for schema and sequence changes, the object itself. */
    QualifiedName subject();

    /** The column the change is about, if any (for source attribution). */
    default String column() {
        return null;
    }

    /** A short line for people: {@code add column phone varchar(20)}. */
    String describe();

    /** Loses data when applied to a database that has some. */
    default boolean destructive() {
        return false;
    }

    /** {@code +} adds, {@code -} removes, {@code ~} alters: the marker used in reports. */
    default char marker() {
        return '~';
    }

    // ---- renames, declared by the user (schema.renames): they keep the data --------------------

    /** A table renamed within its schema; every later step names it {@code to}. */
    record RenameTable(QualifiedName from, QualifiedName to) implements Change {
        public Kind kind() { return Kind.RENAME_TABLE; }
        public QualifiedName subject() { return to; }
        public String describe() { return "rename table " + from.display() + " to " + to.name(); }
    }

    /** A column renamed in {@code table} (the table's new name, when it is renamed too). */
    record RenameColumn(QualifiedName table, String from, String to) implements Change {
        public Kind kind() { return Kind.RENAME_COLUMN; }
        public QualifiedName subject() { return table; }
        public String column() { return to; }
        public String describe() { return "rename column " + from + " to " + to; }
    }

    /**
     * A constraint or index whose name the model states ({@code @Index(name)} and the like) but the
     * migrations spell otherwise; {@code index} when it is an index (renamed with {@code alter index}).
     */
    record RenameConstraint(QualifiedName table, String from, String to, boolean index) implements Change {
        public Kind kind() { return Kind.RENAME_CONSTRAINT; }
        public QualifiedName subject() { return table; }
        public String describe() { return "rename " + (index ? "index " : "constraint ") + from + " to " + to; }
    }

    // ---- schemas and sequences -------------------------------------------------------------

    record CreateSchema(String schema) implements Change {
        public Kind kind() { return Kind.CREATE_SCHEMA; }
        public QualifiedName subject() { return QualifiedName.of(schema, ""); }
        public String describe() { return "create schema " + schema; }
        public char marker() { return '+'; }
    }

    record CreateSequence(Sequence sequence) implements Change {
        public Kind kind() { return Kind.CREATE_SEQUENCE; }
        public QualifiedName subject() { return sequence.name(); }
        public String describe() {
            return "create sequence " + sequence.name() + " (start " + sequence.start() + ", increment "
                    + sequence.increment() + ")";
        }
        public char marker() { return '+'; }
    }

    record AlterSequence(Sequence from, Sequence to) implements Change {
        public Kind kind() { return Kind.ALTER_SEQUENCE; }
        public QualifiedName subject() { return to.name(); }
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!from.dataType().equals(to.dataType())) parts.add("type " + from.dataType() + " -> " + to.dataType());
            if (from.start() != to.start()) parts.add("start " + from.start() + " -> " + to.start());
            if (from.increment() != to.increment()) parts.add("increment " + from.increment() + " -> " + to.increment());
            if (from.minValue() != to.minValue()) parts.add("minvalue " + from.minValue() + " -> " + to.minValue());
            if (from.maxValue() != to.maxValue()) parts.add("maxvalue " + from.maxValue() + " -> " + to.maxValue());
            if (from.cache() != to.cache()) parts.add("cache " + from.cache() + " -> " + to.cache());
            if (from.cycle() != to.cycle()) parts.add(to.cycle() ? "cycle" : "no cycle");
            return "alter sequence " + to.name() + ": " + String.join(", ", parts);
        }
    }

    record DropSequence(Sequence sequence) implements Change {
        public Kind kind() { return Kind.DROP_SEQUENCE; }
        public QualifiedName subject() { return sequence.name(); }
        public String describe() { return "drop sequence " + sequence.name(); }
        public boolean destructive() { return true; }
        public char marker() { return '-'; }
    }

    // ---- tables ----------------------------------------------------------------------------

    record CreateTable(Table table) implements Change {
        public Kind kind() { return Kind.CREATE_TABLE; }
        public QualifiedName subject() { return table.name(); }
        public String describe() { return "create table (" + table.columns().size() + " columns)"; }
        public char marker() { return '+'; }
    }

    record DropTable(Table table) implements Change {
        public Kind kind() { return Kind.DROP_TABLE; }
        public QualifiedName subject() { return table.name(); }
        public String describe() { return "drop table"; }
        public boolean destructive() { return true; }
        public char marker() { return '-'; }
    }

    // ---- columns ---------------------------------------------------------------------------

    record AddColumn(QualifiedName table, Column definition) implements Change {
        public Kind kind() { return Kind.ADD_COLUMN; }
        public QualifiedName subject() { return table; }
        public String column() { return definition.name(); }
        public String describe() {
            return "add column " + definition.name() + " " + definition.type() + (definition.nullable() ? "" : " not null");
        }
        public char marker() { return '+'; }
    }

    record DropColumn(QualifiedName table, Column definition) implements Change {
        public Kind kind() { return Kind.DROP_COLUMN; }
        public QualifiedName subject() { return table; }
        public String column() { return definition.name(); }
        public String describe() { return "drop column " + definition.name(); }
        public boolean destructive() { return true; }
        public char marker() { return '-'; }
    }

    /** Any mix of type, nullability, default and generation changes to one column. */
    record AlterColumn(QualifiedName table, Column from, Column to) implements Change {
        public AlterColumn {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
        }
        public Kind kind() { return Kind.ALTER_COLUMN; }
        public QualifiedName subject() { return table; }
        public String column() { return to.name(); }
        public boolean typeChanged() { return !from.type().equals(to.type()); }
        public boolean nullabilityChanged() { return from.nullable() != to.nullable(); }
        public boolean defaultChanged() { return !Objects.equals(from.defaultExpression(), to.defaultExpression()); }
        public boolean generationChanged() { return !from.generation().sameBehaviourAs(to.generation()); }
        /** Both identity, only {@code always} vs {@code by default} differs: altered in place, keeping the sequence. */
        public boolean identityModeChanged() {
            return generationChanged() && from.generation().isIdentity() && to.generation().isIdentity();
        }
        /** Identity or serial is removed before, and identity added after, the other alterations. */
        public boolean generationDropped() {
            return generationChanged() && from.generation() != Column.Generation.NONE && !identityModeChanged();
        }
        public boolean identityAdded() { return generationChanged() && to.generation().isIdentity() && !identityModeChanged(); }
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (typeChanged()) parts.add("type " + from.type() + " -> " + to.type());
            if (nullabilityChanged()) parts.add(to.nullable() ? "not null -> nullable" : "nullable -> not null");
            if (defaultChanged()) {
                parts.add("default " + (from.hasDefault() ? from.defaultExpression() : "none") + " -> "
                        + (to.hasDefault() ? to.defaultExpression() : "none"));
            }
            if (generationChanged()) parts.add("generation " + from.generation() + " -> " + to.generation());
            return "alter column " + to.name() + ": " + String.join("; ", parts);
        }
    }

    // ---- constraints and indexes -----------------------------------------------------------

    record AddPrimaryKey(QualifiedName table, PrimaryKey primaryKey) implements Change {
        public Kind kind() { return Kind.ADD_PRIMARY_KEY; }
        public QualifiedName subject() { return table; }
        public String describe() { return "add primary key (" + String.join(", ", primaryKey.columns()) + ")"; }
        public char marker() { return '+'; }
    }

    record DropPrimaryKey(QualifiedName table, PrimaryKey primaryKey) implements Change {
        public Kind kind() { return Kind.DROP_PRIMARY_KEY; }
        public QualifiedName subject() { return table; }
        public String describe() { return "drop primary key " + primaryKey.name() + " (" + String.join(", ", primaryKey.columns()) + ")"; }
        public char marker() { return '-'; }
    }

    record AddForeignKey(QualifiedName table, ForeignKey foreignKey) implements Change {
        public Kind kind() { return Kind.ADD_FOREIGN_KEY; }
        public QualifiedName subject() { return table; }
        public String column() { return foreignKey.columns().size() == 1 ? foreignKey.columns().get(0) : null; }
        public String describe() {
            return "add foreign key (" + String.join(", ", foreignKey.columns()) + ") -> " + foreignKey.referencedTable()
                    + (foreignKey.onDelete() == ForeignKey.Action.NO_ACTION ? "" : " on delete " + foreignKey.onDelete().sql());
        }
        public char marker() { return '+'; }
    }

    /**
     * The same foreign key (columns, referenced table and columns) with other rules: {@code on delete},
     * {@code on update}, deferrability. Databases cannot alter those in place, so it is dropped and added
     * again under the model's name, but a reviewer sees it as the one change it is.
     */
    record AlterForeignKey(QualifiedName table, ForeignKey from, ForeignKey to) implements Change {
        public Kind kind() { return Kind.ALTER_FOREIGN_KEY; }
        public QualifiedName subject() { return table; }
        public String column() { return to.columns().size() == 1 ? to.columns().get(0) : null; }
        public String describe() {
            return "alter foreign key " + from.name() + " (" + String.join(", ", to.columns()) + ") -> "
                    + to.referencedTable() + ": " + ruleChange();
        }

        /** e.g. {@code on delete cascade -> no action}; every rule that differs, comma-separated. */
        public String ruleChange() {
            List<String> parts = new ArrayList<>();
            if (from.onDelete() != to.onDelete()) {
                parts.add("on delete " + from.onDelete().sql() + " -> " + to.onDelete().sql());
            }
            if (from.onUpdate() != to.onUpdate()) {
                parts.add("on update " + from.onUpdate().sql() + " -> " + to.onUpdate().sql());
            }
            if (from.deferrable() != to.deferrable() || from.initiallyDeferred() != to.initiallyDeferred()) {
                parts.add(deferral(from) + " -> " + deferral(to));
            }
            return String.join(", ", parts);
        }

        private static String deferral(ForeignKey key) {
            return !key.deferrable() ? "not deferrable" : key.initiallyDeferred() ? "initially deferred" : "deferrable";
        }
    }

    record DropForeignKey(QualifiedName table, ForeignKey foreignKey) implements Change {
        public Kind kind() { return Kind.DROP_FOREIGN_KEY; }
        public QualifiedName subject() { return table; }
        public String column() { return foreignKey.columns().size() == 1 ? foreignKey.columns().get(0) : null; }
        public String describe() {
            return "drop foreign key " + foreignKey.name() + " (" + String.join(", ", foreignKey.columns()) + ") -> "
                    + foreignKey.referencedTable();
        }
        public char marker() { return '-'; }
    }

    record AddUniqueKey(QualifiedName table, UniqueKey uniqueKey) implements Change {
        public Kind kind() { return Kind.ADD_UNIQUE_KEY; }
        public QualifiedName subject() { return table; }
        public String column() { return uniqueKey.columns().size() == 1 ? uniqueKey.columns().get(0) : null; }
        public String describe() { return "add unique (" + String.join(", ", uniqueKey.columns()) + ")"; }
        public char marker() { return '+'; }
    }

    record DropUniqueKey(QualifiedName table, UniqueKey uniqueKey) implements Change {
        public Kind kind() { return Kind.DROP_UNIQUE_KEY; }
        public QualifiedName subject() { return table; }
        public String column() { return uniqueKey.columns().size() == 1 ? uniqueKey.columns().get(0) : null; }
        public String describe() { return "drop unique " + uniqueKey.name() + " (" + String.join(", ", uniqueKey.columns()) + ")"; }
        public char marker() { return '-'; }
    }

    record CreateIndex(QualifiedName table, Index index) implements Change {
        public Kind kind() { return Kind.CREATE_INDEX; }
        public QualifiedName subject() { return table; }
        public String describe() { return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " " + index.body(); }
        public char marker() { return '+'; }
    }

    record DropIndex(QualifiedName table, Index index) implements Change {
        public Kind kind() { return Kind.DROP_INDEX; }
        public QualifiedName subject() { return table; }
        public String describe() { return "drop index " + index.name() + " " + index.body(); }
        public char marker() { return '-'; }
    }

    record AddCheck(QualifiedName table, CheckConstraint check) implements Change {
        public Kind kind() { return Kind.ADD_CHECK; }
        public QualifiedName subject() { return table; }
        public String describe() { return "add check (" + check.expression() + ")"; }
        public char marker() { return '+'; }
    }

    record DropCheck(QualifiedName table, CheckConstraint check) implements Change {
        public Kind kind() { return Kind.DROP_CHECK; }
        public QualifiedName subject() { return table; }
        public String describe() { return "drop check " + check.name() + " " + check.definition().replaceFirst("^CHECK ", ""); }
        public char marker() { return '-'; }
    }
}
