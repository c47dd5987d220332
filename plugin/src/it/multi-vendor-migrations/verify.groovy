def log = new File(basedir, 'build.log').text
def folder = new File(basedir, 'src/main/resources/db/migration')
// the same versions in three vendors' folders are not duplicates: Flyway runs only POSTGRESQL.sql
assert !log.contains('migrations have version')
// the next one continues PostgreSQL's versions, in PostgreSQL's folder, named as its neighbours are
assert new File(folder, 'POSTGRESQL').list().sort() == ['V1_20_0__create_books_table__POSTGRESQL.sql',
        'V1_20_4__add_isbn_to_books__POSTGRESQL.sql', 'V1_20_5__create_loans_table__POSTGRESQL.sql'] : new File(folder, 'POSTGRESQL').list()
assert new File(folder, 'H2').list().length == 2
assert new File(folder, 'MYSQL').list().length == 2
assert folder.list().sort() == ['H2', 'MYSQL', 'POSTGRESQL']
assert new File(basedir, 'src/main/schema-undo/U1_20_5__create_loans_table__POSTGRESQL.sql').exists()
assert log.contains('Schema is in sync: the 3 migration(s)')
true
