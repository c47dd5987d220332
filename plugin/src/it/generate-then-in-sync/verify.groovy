def folder = new File(basedir, 'src/main/resources/db/migration')
def files = folder.list().sort()
assert files == ['V1__create_books_table.sql', 'V2__create_loans_table.sql'] : files
// the undo goes where Flyway does not look: Flyway Community refuses U files with validateMigrationNaming on
assert new File(basedir, 'src/main/schema-undo').list() as List == ['U2__create_loans_table.sql']
def sql = new File(folder, 'V2__create_loans_table.sql').text
assert sql.startsWith('-- V2__create_loans_table.sql\n')
assert sql.contains('create table loans (')
assert sql.contains('foreign key (book_id) references books')
def log = new File(basedir, 'build.log').text
assert log.contains('Wrote ') && log.contains('V2__create_loans_table.sql')
assert log.contains('Schema is in sync: the 2 migration(s)')
assert log.contains('Schema is up to date: the migrations already build what the 2 entities map to. No migration written.')
return true
