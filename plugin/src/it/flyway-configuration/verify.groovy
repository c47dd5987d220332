import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('(Flyway settings from flyway-maven-plugin in the POM, flyway.conf)')
// B2 (V1 is below the baseline), the Java V3 and the repeatable view
assert log =~ /Reference: 3 migration\(s\) replayed on embedded PostgreSQL/

// run 1: the model's isbn is missing, and the next version comes after the Java migration
def before = new JsonSlurper().parse(new File(basedir, 'target/schema-before/diff.json'))
assert before.status == 'out-of-sync'
assert before.changes*.kind == ['add_column'] && before.changes[0].column == 'isbn' : before.changes
assert before.nextMigration == 'V4__add_isbn_to_books.sql'
assert before.unmanaged.any { it.contains('book_titles') } : 'the repeatable view is kept'

// run 2: written into the first location, the project's source folder of classpath:db/migration
def written = new File(basedir, 'src/main/resources/db/migration/V4__add_isbn_to_books.sql')
assert written.isFile()
assert !new File(basedir, 'sql/shared/V4__add_isbn_to_books.sql').exists()

// run 3: in sync with every migration (the new one too), on the catalog generate verified and kept
assert log =~ /Reference: the catalog of 4 migration\(s\) replayed earlier on embedded PostgreSQL/
assert new JsonSlurper().parse(new File(basedir, 'target/schema/diff.json')).status == 'in-sync'
true
