package io.schemadiff.write;

import io.schemadiff.diff.Change;
import io.schemadiff.schema.QualifiedName;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Describes a set of changes the way people name migrations by hand: {@code create_budgets_table},
 * {@code add_phone_to_accounts}, {@code make_email_nullable_in_users}, {@code add_index_to_users_email},
 * {@code remove_status_from_users}. Several topics become the main one plus {@code _and_N_more}, where N counts
 * changes, as the build's summary does ("5 changes to 2 tables" goes with {@code add_phone_to_accounts_and_4_more}):
 * the name says one change and how many others the file holds. A single topic (a new table with its keys,
 * indexes and sequence) is named alone, since its name already covers every change in the file.
 */
public final class MigrationNamer {

    /** Long enough to say what happens, short enough for a file name. */
    static final int MAX_LENGTH = 80;

    /** A user's own message, made into a Flyway description: lower case, words joined by underscores. */
    public static String slug(String message) {
        String ascii = Normalizer.normalize(message, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return truncate(slug.isEmpty() ? "migration" : slug);
    }

    public String describe(List<Change> plan) {
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("Nothing to describe: the plan has no changes");
        }
        // what a change adds names it before what it removes: "add_phone_to_accounts_and_1_more"
        List<Change> changes = plan.stream()
                .sorted(java.util.Comparator.comparingInt(MigrationNamer::namingPriority))
                .toList();
        // a topic is one table's worth of work; a new table's keys and indexes are part of creating it
        Map<String, String> topics = new LinkedHashMap<>();
        changes.stream().filter(c -> c instanceof Change.CreateTable)
                .forEach(c -> topics.putIfAbsent(key(c.subject()), "create_" + c.subject().name() + "_table"));
        changes.stream().filter(c -> c instanceof Change.DropTable)
                .forEach(c -> topics.putIfAbsent(key(c.subject()), "drop_" + c.subject().name() + "_table"));
        for (Change change : changes) {
            if (change instanceof Change.CreateSchema || change instanceof Change.CreateSequence) {
                continue; // support for something else, unless it is all there is
            }
            topics.putIfAbsent(key(change.subject()) + topicSuffix(change), phrase(change));
        }
        if (topics.isEmpty()) {
            changes.forEach(c -> topics.putIfAbsent(key(c.subject()), phrase(c)));
        }
        List<String> phrases = List.copyOf(topics.values());
        if (phrases.size() == 1) {
            return slug(phrases.get(0));
        }
        // the count is the part a reader needs: cut the main phrase, never the "_and_N_more".
        // N counts changes, the unit of the summary beside the file name, so that one plus N is what it says
        String more = "_and_" + (plan.size() - 1) + "_more";
        return truncate(slug(phrases.get(0)), MAX_LENGTH - more.length()) + more;
    }

    private static int namingPriority(Change change) {
        if (change.marker() == '+') {
            return 0;
        }
        return change.marker() == '~' ? 1 : 2;
    }

    /** Column changes on one table are separate topics; everything else on a table is one. */
    private static String topicSuffix(Change change) {
        return change.column() != null && (change instanceof Change.AddColumn || change instanceof Change.DropColumn
                || change instanceof Change.AlterColumn || change instanceof Change.RenameColumn)
                ? "#" + change.column() : "";
    }

    private static String phrase(Change change) {
        String table = change.subject().name();
        if (change instanceof Change.CreateSchema c) return "create_" + c.schema() + "_schema";
        if (change instanceof Change.CreateSequence c) return "create_" + c.sequence().name().name() + "_sequence";
        if (change instanceof Change.AlterSequence c) return "alter_" + c.to().name().name() + "_sequence";
        if (change instanceof Change.DropSequence c) return "drop_" + c.sequence().name().name() + "_sequence";
        if (change instanceof Change.RenameTable c) return "rename_" + c.from().name() + "_to_" + c.to().name();
        if (change instanceof Change.RenameColumn c) return "rename_" + c.from() + "_to_" + c.to() + "_in_" + table;
        if (change instanceof Change.RenameConstraint c) return "rename_" + c.from() + "_to_" + c.to();
        if (change instanceof Change.CreateTable) return "create_" + table + "_table";
        if (change instanceof Change.DropTable) return "drop_" + table + "_table";
        if (change instanceof Change.AddColumn c) return "add_" + c.definition().name() + "_to_" + table;
        if (change instanceof Change.DropColumn c) return "remove_" + c.definition().name() + "_from_" + table;
        if (change instanceof Change.AlterColumn c) return alterPhrase(c, table);
        if (change instanceof Change.AddPrimaryKey) return "add_primary_key_to_" + table;
        if (change instanceof Change.DropPrimaryKey) return "drop_primary_key_from_" + table;
        if (change instanceof Change.AddForeignKey c) {
            return "add_foreign_key_to_" + table + "_" + String.join("_", c.foreignKey().columns());
        }
        if (change instanceof Change.AlterForeignKey c) {
            return "change_foreign_key_rules_in_" + table + "_" + String.join("_", c.to().columns());
        }
        if (change instanceof Change.DropForeignKey c) {
            return "drop_foreign_key_from_" + table + "_" + String.join("_", c.foreignKey().columns());
        }
        if (change instanceof Change.AddUniqueKey c) {
            return "add_unique_to_" + table + "_" + String.join("_", c.uniqueKey().columns());
        }
        if (change instanceof Change.DropUniqueKey c) {
            return "drop_unique_from_" + table + "_" + String.join("_", c.uniqueKey().columns());
        }
        if (change instanceof Change.CreateIndex c) return "add_index_to_" + table + "_" + indexedColumns(c.index().body());
        if (change instanceof Change.DropIndex) return "drop_index_from_" + table;
        if (change instanceof Change.AddCheck) return "add_check_to_" + table;
        if (change instanceof Change.DropCheck) return "drop_check_from_" + table;
        throw new IllegalStateException("Unnamed change kind: " + change.kind());
    }

    /** {@code USING btree (email DESC, last_name)} -> {@code email_last_name}. */
    private static String indexedColumns(String body) {
        int open = body.indexOf('(');
        int close = body.lastIndexOf(')');
        String inside = open >= 0 && close > open ? body.substring(open + 1, close) : body;
        return inside.replaceAll("(?i)\\b(desc|asc|nulls|first|last)\\b", "");
    }

    private static String alterPhrase(Change.AlterColumn change, String table) {
        String column = change.to().name();
        if (change.nullabilityChanged() && !change.typeChanged()) {
            return "make_" + column + (change.to().nullable() ? "_nullable_in_" : "_not_null_in_") + table;
        }
        if (change.typeChanged()) {
            return "change_" + column + "_type_in_" + table;
        }
        if (change.defaultChanged()) {
            return "change_" + column + "_default_in_" + table;
        }
        return "alter_" + column + "_in_" + table;
    }

    private static String key(QualifiedName name) {
        return name.schema() + "." + name.name();
    }

    private static String truncate(String slug) {
        return truncate(slug, MAX_LENGTH);
    }

    /** Cuts at a word boundary when one is near, and never ends on a connecting word or an underscore. */
    private static String truncate(String slug, int maxLength) {
        if (slug.length() <= maxLength) {
            return slug;
        }
        String cut = slug.substring(0, maxLength);
        int lastUnderscore = cut.lastIndexOf('_');
        cut = lastUnderscore > maxLength / 2 ? cut.substring(0, lastUnderscore) : cut;
        String trimmed = cut.replaceAll("(_(and|to|in|from|on|of))+$", "").replaceAll("_+$", "");
        return trimmed.isEmpty() ? cut : trimmed;
    }
}
