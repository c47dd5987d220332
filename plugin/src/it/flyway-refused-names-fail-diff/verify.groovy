def log = new File(basedir, 'build.log').text
assert log.contains("U1__create_books_table.sql: Flyway refuses to migrate at all while it is here: validateMigrationNaming is on and Flyway Community says 'Unrecognised migration name format: U1__create_books_table.sql'")
assert log.contains('Move it to src/main/schema-undo (where schema:generate writes undo scripts).')
// refused before any database started
assert !log.contains('Reference:')
true
