import io.schemadiff.testing.SharedPostgres
import org.flywaydb.core.Flyway

def log = new File(basedir, 'build.log').text
def folder = new File(basedir, 'src/main/resources/db/migration')
// the migration goes where Flyway looks, its undo where it does not
assert folder.list().sort() == ['V1__create_books_table.sql', 'V2__create_loans_table.sql'] : folder.list()
def undo = new File(basedir, 'src/main/schema-undo/U2__create_loans_table.sql')
assert undo.text.contains('drop table loans') : undo.text
// and the log says where it went and why
assert log.contains('Wrote src/main/resources/db/migration/V2__create_loans_table.sql, src/main/schema-undo/U2__create_loans_table.sql')
assert log.contains('The undo script is in src/main/schema-undo, outside Flyway\'s locations')
// the migration's review checklist points at the undo where it is
assert new File(folder, 'V2__create_loans_table.sql').text.contains('Undo: src/main/schema-undo/U2__create_loans_table.sql')
assert log.contains('Schema is in sync: the 2 migration(s)')

// Flyway itself, with the project's validateMigrationNaming, migrates the folder
def database = SharedPostgres.newDatabase('undo_it')
try {
    def result = Flyway.configure(Flyway.classLoader).dataSource(database.dataSource())
            .locations('filesystem:' + folder.absolutePath).validateMigrationNaming(true).load().migrate()
    assert result.migrationsExecuted == 2
} finally {
    database.close()
}
true
