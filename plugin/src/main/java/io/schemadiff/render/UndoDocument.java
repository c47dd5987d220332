package io.schemadiff.render;

import java.util.List;

/**
 * Everything the {@code undo.vm} template gets.
 *
 * @param fileName       e.g. {@code U4__add_phone_to_accounts.sql}
 * @param undoes         the migration it reverses, e.g. {@code V4__add_phone_to_accounts.sql}
 * @param generator      e.g. {@code schema-maven-plugin 0.1.0}
 * @param changes        the reverse steps, in the order they run
 * @param droppedSchemas schemas the migration created, dropped last
 * @param irreversible   what the undo cannot bring back (data), one phrase each
 * @param session        timeouts and transaction (PostgreSQL); {@code null} for none
 */
public record UndoDocument(String fileName, String undoes, String generator, List<RenderedChange> changes,
                           List<String> droppedSchemas, List<String> irreversible, MigrationSession session) {

    public UndoDocument {
        changes = List.copyOf(changes);
        droppedSchemas = List.copyOf(droppedSchemas);
        irreversible = List.copyOf(irreversible);
    }

    public UndoDocument(String fileName, String undoes, String generator, List<RenderedChange> changes,
                        List<String> droppedSchemas, List<String> irreversible) {
        this(fileName, undoes, generator, changes, droppedSchemas, irreversible, null);
    }
}
