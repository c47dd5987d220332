package io.schemadiff.diff;

import io.schemadiff.core.Dialect;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.DatabaseSchema;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each change risks when it runs against a production database that has data: the review a
 * migration needs before it is applied. A change on a table the same migration creates risks nothing.
 */
public final class SafetyLint {

    /** Ordered from most to least severe. */
    public enum Risk {
        /** Data is lost: a dropped table or column, a narrower type. */
        DESTRUCTIVE("destructive"),
        /** Fails, or changes meaning, depending on the rows already there. */
        DATA_DEPENDENT("data-dependent"),
        /** Holds a lock that blocks writes (or reads) while PostgreSQL rewrites or scans the table. */
        LOCK_HEAVY("lock-heavy"),
        /** A rule the database enforced is gone or changed: duplicates, orphans or bad values get in. */
        INTEGRITY("integrity"),
        /** Queries that used what is removed get slower. */
        PERFORMANCE("performance");

        private final String id;

        Risk(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** A change's risks (empty: safe) and why, in words a reviewer acts on. */
    public record Finding(Change change, Set<Risk> risks, List<String> reasons, List<Risk> reasonRisks) {

        /** @param reasonRisks the risk each reason explains, one for each of {@code reasons} */
        public Finding {
            reasons = List.copyOf(reasons);
            reasonRisks = List.copyOf(reasonRisks);
        }

        public boolean safe() {
            return risks.isEmpty();
        }

        /** The most severe risk's id, or {@code safe}. */
        public String severity() {
            return risks.isEmpty() ? "safe" : risks.iterator().next().id();
        }

        public boolean has(Risk risk) {
            return risks.contains(risk);
        }

        /** The reasons that come with {@code risk}, e.g. why a change is lock-heavy. */
        public List<String> reasons(Risk risk) {
            List<String> matching = new ArrayList<>();
            for (int i = 0; i < reasons.size(); i++) {
                if (reasonRisks.get(i) == risk) {
                    matching.add(reasons.get(i));
                }
            }
            return matching;
        }

        Finding without(Risk risk) {
            List<String> keptReasons = new ArrayList<>();
            List<Risk> keptRisks = new ArrayList<>();
            for (int i = 0; i < reasons.size(); i++) {
                if (reasonRisks.get(i) != risk) {
                    keptReasons.add(reasons.get(i));
                    keptRisks.add(reasonRisks.get(i));
                }
            }
            Set<Risk> left = EnumSet.noneOf(Risk.class);
            left.addAll(keptRisks);
            return new Finding(change, left, keptReasons, keptRisks);
        }
    }

    private static final Pattern TYPE = Pattern.compile("^([a-z ]+?)(?:\\((\\d+)(?:,\\s*(\\d+))?\\))?( with(?:out)? time zone)?$");
    /** Integer types from narrowest to widest; {@code int} and {@code integer} are one (MariaDB prints {@code int}). */
    private static final List<List<String>> INTEGERS = List.of(List.of("tinyint"), List.of("smallint"),
            List.of("mediumint"), List.of("int", "integer"), List.of("bigint"));
    /** Temporal types whose precision, when not written, is 0 (MariaDB; PostgreSQL's is always read explicitly). */
    private static final List<String> TEMPORAL = List.of("datetime", "timestamp", "time");

    private SafetyLint() {
    }

    /** @param reference the schema the existing migrations build: its tables are the ones with data */
    public static List<Finding> review(List<Change> plan, DatabaseSchema reference) {
        return review(plan, reference, Dialect.POSTGRESQL);
    }

    /**
     * @param dialect where the plan runs: locks differ (InnoDB builds secondary and unique indexes
     *                online, without blocking writes; PostgreSQL's plain CREATE INDEX blocks them)
     */
    public static List<Finding> review(List<Change> plan, DatabaseSchema reference, Dialect dialect) {
        return review(plan, reference, dialect, OnlinePlan.Mode.PLAIN);
    }

    /**
     * @param rendering how the plan is written: index builds {@code concurrently} and unique keys through
     *                  such an index ({@link OnlinePlan}) block no writes, so they are not lock-heavy
     */
    public static List<Finding> review(List<Change> plan, DatabaseSchema reference, Dialect dialect,
                                       OnlinePlan.Mode rendering) {
        Set<Object> restored = restored(plan);
        List<Finding> findings = new ArrayList<>();
        for (Change change : plan) {
            Finding finding = isRestored(change, restored) ? new Notes().finding(change)
                    : review(change, reference.tables().containsKey(change.subject()), dialect);
            boolean builtOnline = change instanceof Change.CreateIndex && rendering != OnlinePlan.Mode.PLAIN
                    || change instanceof Change.AddUniqueKey && rendering == OnlinePlan.Mode.ONLINE;
            findings.add(builtOnline ? finding.without(Risk.LOCK_HEAVY) : finding);
        }
        return findings;
    }

    /**
     * What the plan puts back (the same key, index, check or foreign key, by what it does) or drops with
     * its table: a removal of one of those is a rename or a rebuild, not a loss.
     */
    private static Set<Object> restored(List<Change> plan) {
        Set<Object> restored = new java.util.HashSet<>();
        for (Change change : plan) {
            if (change instanceof Change.AddForeignKey add) {
                restored.add(List.of(add.table(), add.foreignKey().identity()));
            } else if (change instanceof Change.AddUniqueKey add) {
                restored.add(List.of(add.table(), add.uniqueKey().identity()));
            } else if (change instanceof Change.AddCheck add) {
                restored.add(List.of(add.table(), add.check().identity()));
            } else if (change instanceof Change.CreateIndex add) {
                restored.add(List.of(add.table(), add.index().identity()));
            } else if (change instanceof Change.AddPrimaryKey add) {
                restored.add(List.of(add.table(), add.primaryKey().columns()));
            } else if (change instanceof Change.DropTable drop) {
                restored.add(List.of(drop.table().name()));
            }
        }
        return restored;
    }

    /** Whether {@code change} removes something {@link #restored} lists. */
    private static boolean isRestored(Change change, Set<Object> restored) {
        if (change instanceof Change.DropForeignKey drop) {
            return restored.contains(List.of(drop.table(), drop.foreignKey().identity()))
                    || restored.contains(List.of(drop.table()));
        } else if (change instanceof Change.DropUniqueKey drop) {
            return restored.contains(List.of(drop.table(), drop.uniqueKey().identity()));
        } else if (change instanceof Change.DropCheck drop) {
            return restored.contains(List.of(drop.table(), drop.check().identity()));
        } else if (change instanceof Change.DropIndex drop) {
            return restored.contains(List.of(drop.table(), drop.index().identity()));
        } else if (change instanceof Change.DropPrimaryKey drop) {
            return restored.contains(List.of(drop.table(), drop.primaryKey().columns()));
        }
        return false;
    }

    static Finding review(Change change, boolean existingTable) {
        return review(change, existingTable, Dialect.POSTGRESQL);
    }

    static Finding review(Change change, boolean existingTable, Dialect dialect) {
        boolean onlineIndexes = dialect == Dialect.MARIADB;
        Notes notes = new Notes();
        if (change instanceof Change.DropTable) {
            notes.add(Risk.DESTRUCTIVE, "drops the table and all its rows");
        } else if (change instanceof Change.DropColumn) {
            notes.add(Risk.DESTRUCTIVE, "drops the column and its data");
        } else if (change instanceof Change.DropSequence) {
            notes.add(Risk.DESTRUCTIVE, "drops the sequence and its current value");
        } else if (!existingTable) {
            return notes.finding(change); // a table this migration creates has no rows yet
        } else if (reviewRemoval(change, notes)) {
            return notes.finding(change);
        } else if (change instanceof Change.AddColumn add) {
            Column column = add.definition();
            if (!column.nullable() && !column.hasDefault() && column.generation() == Column.Generation.NONE) {
                notes.add(Risk.DATA_DEPENDENT, "a NOT NULL column without a default fails on a table "
                        + "with rows (add it nullable, backfill, then set NOT NULL)");
            }
        } else if (change instanceof Change.AlterColumn alter) {
            reviewAlter(alter, notes);
        } else if (change instanceof Change.CreateIndex index) {
            if (index.index().unique()) {
                notes.add(Risk.DATA_DEPENDENT, "a unique index fails if existing rows have duplicates");
            }
            if (!onlineIndexes) {
                notes.add(Risk.LOCK_HEAVY, "CREATE INDEX blocks writes while it builds "
                        + "(CREATE INDEX CONCURRENTLY does not, in a migration of its own)");
            }
        } else if (change instanceof Change.AddUniqueKey || change instanceof Change.AddPrimaryKey) {
            notes.add(Risk.DATA_DEPENDENT, "fails if existing rows have duplicates"
                    + (change instanceof Change.AddPrimaryKey ? " or nulls" : ""));
            if (change instanceof Change.AddPrimaryKey && onlineIndexes) {
                notes.add(Risk.LOCK_HEAVY, "rebuilds the table (InnoDB stores rows by primary key)");
            } else if (!onlineIndexes) {
                notes.add(Risk.LOCK_HEAVY, "builds a unique index, blocking writes while it does");
            }
        } else if (change instanceof Change.AddCheck) {
            notes.add(Risk.DATA_DEPENDENT, "fails if an existing row violates it (it scans the table)");
        } else if (change instanceof Change.AddForeignKey) {
            notes.add(Risk.DATA_DEPENDENT, "fails if an existing row points nowhere (it scans the table)");
        } else if (change instanceof Change.AlterForeignKey alter) {
            notes.add(Risk.INTEGRITY, "changes what deleting or updating a referenced row does to these rows ("
                    + alter.ruleChange() + ")");
        }
        // anything else (creates, defaults, sequence settings) risks nothing
        return notes.finding(change);
    }

    /**
     * A removed key, index, check or foreign key loses no rows, but what the database enforced or sped
     * up is gone: a reviewer must see it. @return whether {@code change} is such a removal
     */
    private static boolean reviewRemoval(Change change, Notes notes) {
        if (change instanceof Change.DropUniqueKey drop) {
            notes.add(Risk.INTEGRITY, "duplicates in (" + String.join(", ", drop.uniqueKey().columns())
                    + ") are no longer refused");
        } else if (change instanceof Change.DropPrimaryKey drop) {
            notes.add(Risk.INTEGRITY, "duplicates and nulls in (" + String.join(", ", drop.primaryKey().columns())
                    + ") are no longer refused");
        } else if (change instanceof Change.DropIndex drop) {
            if (drop.index().unique()) {
                notes.add(Risk.INTEGRITY, "duplicates are no longer refused");
            }
            notes.add(Risk.PERFORMANCE, "queries that used the index " + drop.index().name() + " scan more rows");
        } else if (change instanceof Change.DropCheck drop) {
            notes.add(Risk.INTEGRITY, "values the check " + drop.check().name() + " refused are accepted");
        } else if (change instanceof Change.DropForeignKey drop) {
            notes.add(Risk.INTEGRITY, "rows may point to " + drop.foreignKey().referencedTable().display()
                    + " rows that do not exist");
        } else {
            return false;
        }
        return true;
    }

    private static void reviewAlter(Change.AlterColumn alter, Notes notes) {
        if (alter.nullabilityChanged() && !alter.to().nullable()) {
            notes.add(Risk.DATA_DEPENDENT, "SET NOT NULL fails if a row holds null (and scans the table)");
        }
        if (alter.typeChanged()) {
            reviewType(alter.from().type(), alter.to().type(), notes);
        }
    }

    /** PostgreSQL rewrites a table for a type change unless it only widens a length or precision. */
    private static void reviewType(String from, String to, Notes notes) {
        Matcher a = TYPE.matcher(from.toLowerCase(Locale.ROOT));
        Matcher b = TYPE.matcher(to.toLowerCase(Locale.ROOT));
        if (!a.matches() || !b.matches()) {
            castMayFail(from, to, notes);
            return;
        }
        String baseA = a.group(1) + (a.group(4) == null ? "" : a.group(4));
        String baseB = b.group(1) + (b.group(4) == null ? "" : b.group(4));
        Integer sizeA = number(a.group(2));
        Integer sizeB = number(b.group(2));
        Integer scaleA = number(a.group(3));
        Integer scaleB = number(b.group(3));
        boolean text = isText(a.group(1)) && isText(b.group(1));
        if (text) {
            // varchar(n) -> varchar(m > n) or text: a catalog change only; char(n) -> varchar(n) keeps every
            // value (only the padding goes) but is a conversion, so it rewrites
            boolean widening = sizeB == null || (sizeA != null && sizeB >= sizeA);
            if (!widening) {
                notes.add(Risk.DESTRUCTIVE, "narrows " + from + " to " + to + ": longer values fail or are cut");
                notes.add(Risk.LOCK_HEAVY, "rewrites or scans the table under an exclusive lock");
            } else if (isFixedLength(a.group(1)) != isFixedLength(b.group(1))) {
                notes.add(Risk.LOCK_HEAVY, "rewrites the table under an exclusive lock");
            }
            return;
        }
        if (TEMPORAL.contains(a.group(1)) && a.group(2) == null) {
            sizeA = 0;
        }
        if (TEMPORAL.contains(b.group(1)) && b.group(2) == null) {
            sizeB = 0;
        }
        if (baseA.equals(baseB)) {
            boolean narrower = (sizeB != null && (sizeA == null || sizeB < sizeA))
                    || (scaleB != null && scaleA != null && scaleB < scaleA);
            if (narrower) {
                notes.add(Risk.DESTRUCTIVE, "narrows " + from + " to " + to + ": values are rounded or fail");
            }
            boolean sameScale = scaleA == null ? scaleB == null : scaleA.equals(scaleB);
            if (narrower || !sameScale) {
                notes.add(Risk.LOCK_HEAVY, "rewrites the table under an exclusive lock");
            }
            return;
        }
        int rankA = integerRank(a.group(1) + (a.group(2) == null ? "" : "(" + a.group(2) + ")"));
        int rankB = integerRank(b.group(1) + (b.group(2) == null ? "" : "(" + b.group(2) + ")"));
        if (rankA >= 0 && rankB >= 0) {
            if (rankB < rankA) {
                notes.add(Risk.DATA_DEPENDENT, "narrows " + from + " to " + to + ": larger values fail");
            }
            notes.add(Risk.LOCK_HEAVY, "rewrites the table under an exclusive lock");
            return;
        }
        if (a.group(1).equals("double precision") && b.group(1).equals("real")) {
            notes.add(Risk.DESTRUCTIVE, "narrows double precision to real: digits are lost");
            notes.add(Risk.LOCK_HEAVY, "rewrites the table under an exclusive lock");
            return;
        }
        castMayFail(from, to, notes);
    }

    private static void castMayFail(String from, String to, Notes notes) {
        notes.add(Risk.DATA_DEPENDENT, "converts " + from + " to " + to + ": values that do not convert fail");
        notes.add(Risk.LOCK_HEAVY, "rewrites the table under an exclusive lock");
    }

    private static boolean isText(String base) {
        return base.equals("character varying") || base.equals("varchar") || base.equals("text")
                || base.equals("tinytext") || base.equals("mediumtext") || base.equals("longtext")
                || isFixedLength(base);
    }

    private static boolean isFixedLength(String base) {
        return base.equals("character") || base.equals("char");
    }

    /** Position among {@link #INTEGERS}, or -1; {@code tinyint(1)} is MariaDB's boolean, not an integer here. */
    private static int integerRank(String type) {
        for (int i = 0; i < INTEGERS.size(); i++) {
            if (INTEGERS.get(i).contains(type)) {
                return i;
            }
        }
        return -1;
    }

    private static Integer number(String digits) {
        return digits == null ? null : Integer.valueOf(digits);
    }

    /** Risks and their reasons, in the order they were found. */
    private static final class Notes {
        private final Set<Risk> risks = EnumSet.noneOf(Risk.class);
        private final List<String> reasons = new ArrayList<>();
        private final List<Risk> reasonRisks = new ArrayList<>();

        void add(Risk risk, String reason) {
            risks.add(risk);
            reasons.add(reason);
            reasonRisks.add(risk);
        }

        Finding finding(Change change) {
            return new Finding(change, risks, reasons, reasonRisks);
        }
    }
}
