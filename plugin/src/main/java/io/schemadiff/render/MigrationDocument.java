package io.schemadiff.render;

import java.util.List;

/**
 * Everything the {@code migration.vm} template gets.
 *
 * @param fileName  e.g. {@code V4__add_phone_to_accounts.sql}
 * @param generator e.g. {@code schema-maven-plugin 0.1.0}
 * @param model     e.g. {@code Hibernate ORM 7.4.13.Final, PostgreSQL 14}
 * @param review    the review checklist, filled in; {@code null} to leave it out
 * @param session   timeouts and transaction (PostgreSQL); {@code null} for none
 */
public record MigrationDocument(String fileName, String generator, String model, List<RenderedChange> changes,
                                ReviewChecklist review, MigrationSession session) {

    public MigrationDocument {
        changes = List.copyOf(changes);
    }

    public MigrationDocument(String fileName, String generator, String model, List<RenderedChange> changes) {
        this(fileName, generator, model, changes, null, null);
    }

    public MigrationDocument(String fileName, String generator, String model, List<RenderedChange> changes,
                             ReviewChecklist review) {
        this(fileName, generator, model, changes, review, null);
    }

    public long destructiveCount() {
        return changes.stream().filter(RenderedChange::destructive).count();
    }
}
