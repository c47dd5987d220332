package io.schemadiff.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a live database stands against the project's migrations, as Flyway sees it.
 *
 * @param historyTable      whether the database has Flyway's history table at all
 * @param applied           migrations applied successfully
 * @param pending           local migrations not applied yet, e.g. {@code V7__add_phone_to_accounts.sql}
 * @param failed            migrations recorded as failed (Flyway refuses to migrate until repaired)
 * @param missingLocally    applied migrations with no file in the project any more
 * @param changedAfterApply applied migrations whose file was edited since (checksum, description or type differ)
 * @param olderHistoryTable with no history table: the one an older Flyway keeps there instead (Flyway 4 and
 *                          older: {@code schema_version}), or {@code null}
 */
public record MigrationStatus(boolean historyTable, int applied, List<String> pending, List<String> failed,
                              List<String> missingLocally, List<String> changedAfterApply, String olderHistoryTable) {

    public MigrationStatus(boolean historyTable, int applied, List<String> pending, List<String> failed,
                           List<String> missingLocally, List<String> changedAfterApply) {
        this(historyTable, applied, pending, failed, missingLocally, changedAfterApply, null);
    }

    public MigrationStatus {
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
        missingLocally = List.copyOf(missingLocally);
        changedAfterApply = List.copyOf(changedAfterApply);
    }

    /**
     * Failed, missing or edited migrations, or the history of an older Flyway: the next deployment's
     * {@code migrate} would stop on them.
     */
    public boolean broken() {
        return !failed.isEmpty() || !missingLocally.isEmpty() || !changedAfterApply.isEmpty()
                || !historyTable && olderHistoryTable != null;
    }

    /** One line per finding, for the console and the reports. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (historyTable) {
            lines.add(applied + " migration(s) applied, " + pending.size() + " pending");
        } else if (olderHistoryTable != null) {
            lines.add("no Flyway history table, but " + olderHistoryTable + ", the history table of Flyway 4 and older:"
                    + " the database was migrated by an older Flyway than the project's, whose history is not read"
                    + " (set flyway.table=" + olderHistoryTable + " if the deployments still use it; "
                    + pending.size() + " pending as far as Flyway can tell)");
        } else {
            lines.add("no Flyway history table: no migration was ever applied here (" + pending.size() + " pending)");
        }
        pending.forEach(m -> lines.add("pending: " + m));
        failed.forEach(m -> lines.add("failed: " + m + " (fix it, then flyway repair)"));
        missingLocally.forEach(m -> lines.add("applied but missing locally: " + m));
        changedAfterApply.forEach(m -> lines.add("edited after it was applied: " + m));
        return lines;
    }
}
