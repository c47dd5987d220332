package io.schemadiff.diff;

import io.schemadiff.schema.Column;
import io.schemadiff.schema.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A migration plan split for PostgreSQL tables that have rows (issue 14): what would lock such a table for
 * as long as it scans or builds goes, in its lock-safe form, to a follow-up migration that Flyway runs
 * outside a transaction. Tables the plan creates have no rows, so everything on them stays plain.
 *
 * <ul>
 *   <li>foreign keys and checks: {@code add constraint … not valid} in the first file, {@code validate
 *       constraint} in the follow-up (a later transaction, which blocks no writes);</li>
 *   <li>NOT NULL: {@code check (col is not null) not valid} first; validated, {@code set not null} (PostgreSQL
 *       12+ then skips the scan) and the check dropped in the follow-up;</li>
 *   <li>indexes and unique keys: built and dropped {@code concurrently} in the follow-up (a unique key as
 *       {@code create unique index concurrently}, then {@code add constraint … unique using index}).</li>
 * </ul>
 *
 * @param first    the steps of the first, transactional migration, in plan order
 * @param followUp the steps of the follow-up migration, in plan order; empty when nothing needs one
 */
public record OnlinePlan(List<Step> first, List<Step> followUp) {

    public OnlinePlan {
        first = List.copyOf(first);
        followUp = List.copyOf(followUp);
    }

    /** How much of the plan is rendered lock-safe. */
    public enum Mode {
        /** Everything plain, in one migration. */
        PLAIN,
        /** Only index builds on tables with rows, concurrently in a follow-up ({@code schema.concurrentIndexes}). */
        INDEXES,
        /** Every form above ({@code schema.online}). */
        ONLINE
    }

    /** Which part of a change a step writes; the templates see it as {@code $online}. */
    public enum Form {
        /** The whole change, plainly: {@code ""}. */
        PLAIN(""),
        /** The first half, which takes its lock only briefly: {@code add constraint … not valid}. */
        PREPARE("prepare"),
        /** The second half, in the follow-up: {@code validate constraint}, {@code set not null}. */
        COMPLETE("complete"),
        /** The whole change in its lock-safe form, outside a transaction: {@code concurrently}. */
        ONLINE("online");

        private final String id;

        Form(String id) {
            this.id = id;
        }

        /** What the templates compare {@code $online} with. */
        public String id() {
            return id;
        }
    }

    /** One change, or the part of it one file holds. */
    public record Step(Change change, Form form) {
    }

    /**
     * @param tablesWithRows the tables the existing migrations build: the only ones with rows to protect
     * @param backfill       whether a NOT NULL column added to such a table is added nullable and filled
     *                       first ({@code schema.backfill}); only then has it a NOT NULL step of its own
     */
    public static OnlinePlan of(List<Change> plan, Set<QualifiedName> tablesWithRows, Mode mode, boolean backfill) {
        List<Step> first = new ArrayList<>();
        List<Step> followUp = new ArrayList<>();
        for (Change change : plan) {
            boolean hasRows = tablesWithRows.contains(change.subject());
            switch (mode == Mode.PLAIN || !hasRows ? How.PLAIN : how(change, plan, mode, backfill)) {
                case PLAIN -> first.add(new Step(change, Form.PLAIN));
                case SPLIT -> {
                    first.add(new Step(change, Form.PREPARE));
                    followUp.add(new Step(change, Form.COMPLETE));
                }
                case DEFERRED -> followUp.add(new Step(change, Form.ONLINE));
            }
        }
        return new OnlinePlan(first, followUp);
    }

    /** Every step with its form, the first file's before the follow-up's. */
    public List<Step> steps() {
        List<Step> all = new ArrayList<>(first);
        all.addAll(followUp);
        return all;
    }

    /** The changes in the order their first step runs: the first file's, then those only the follow-up holds. */
    public List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        for (Step step : steps()) {
            if (!changes.contains(step.change())) {
                changes.add(step.change());
            }
        }
        return changes;
    }

    private enum How { PLAIN, SPLIT, DEFERRED }

    private static How how(Change change, List<Change> plan, Mode mode, boolean backfill) {
        if (change instanceof Change.CreateIndex) {
            return How.DEFERRED;
        }
        if (mode != Mode.ONLINE) {
            return How.PLAIN;
        }
        if (change instanceof Change.DropIndex
                || change instanceof Change.DropUniqueKey drop && drop.uniqueKey().backedByIndexOnly()) {
            return droppedOrLosingColumns(plan, change.subject()) ? How.PLAIN : How.DEFERRED;
        }
        if (change instanceof Change.AddUniqueKey) {
            return How.DEFERRED;
        }
        if (change instanceof Change.AddForeignKey fk) {
            // a foreign key needs a unique index on what it references when it is added, even NOT VALID
            return referencesDeferredUnique(fk, plan) ? How.DEFERRED : How.SPLIT;
        }
        if (change instanceof Change.AddCheck) {
            return How.SPLIT;
        }
        if (change instanceof Change.AlterColumn alter && alter.nullabilityChanged() && !alter.to().nullable()
                && !alter.identityAdded()) { // an identity needs NOT NULL at once
            return How.SPLIT;
        }
        if (change instanceof Change.AddColumn add && backfill && !add.definition().nullable()
                && !add.definition().hasDefault() && add.definition().generation() == Column.Generation.NONE) {
            return How.SPLIT;
        }
        return How.PLAIN;
    }

    /** A table the plan drops, or drops columns of: the drop of its index stays with them, in the first file. */
    private static boolean droppedOrLosingColumns(List<Change> plan, QualifiedName table) {
        return plan.stream().anyMatch(c -> c.subject().equals(table)
                && (c instanceof Change.DropColumn || c instanceof Change.DropTable));
    }

    private static boolean referencesDeferredUnique(Change.AddForeignKey fk, List<Change> plan) {
        QualifiedName target = fk.foreignKey().referencedTable();
        List<String> columns = lower(fk.foreignKey().referencedColumns());
        for (Change change : plan) {
            if (!change.subject().equals(target)) {
                continue;
            }
            if (change instanceof Change.AddUniqueKey unique && lower(unique.uniqueKey().columns()).equals(columns)) {
                return true;
            }
            if (change instanceof Change.CreateIndex index && index.index().unique()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
