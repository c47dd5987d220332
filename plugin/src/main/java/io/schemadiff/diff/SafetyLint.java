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
        LOCK_HEAVY("lock-heavy");

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
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

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
        List<Finding> findings = new ArrayList<>();
        for (Change change : plan) {
            Finding finding = review(change, reference.tables().containsKey(change.subject()), dialect);
            boolean builtOnline = change instanceof Change.CreateIndex && rendering != OnlinePlan.Mode.PLAIN
                    || change instanceof Change.AddUniqueKey && rendering == OnlinePlan.Mode.ONLINE;
            findings.add(builtOnline ? finding.without(Risk.LOCK_HEAVY) : finding);
        }
        return findings;
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
        }
        // anything else (creates, dropped constraints and indexes, defaults, sequence settings) risks nothing
        return notes.finding(change);
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
            // varchar(n) -> varchar(m > n) or text: a catalog change only
            boolean widening = sizeB == null || (sizeA != null && sizeB >= sizeA);
            if (!widening || "character".equals(b.group(1)) != "character".equals(a.group(1))) {
                notes.add(Risk.DESTRUCTIVE, "narrows " + from + " to " + to + ": longer values fail or are cut");
                notes.add(Risk.LOCK_HEAVY, "rewrites or scans the table under an exclusive lock");
            }
            return;
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
        int rankA = INTEGERS.indexOf(a.group(1));
        int rankB = INTEGERS.indexOf(b.group(1));
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
                || base.equals("character");
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
