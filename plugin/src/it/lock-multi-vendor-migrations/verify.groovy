import java.util.zip.CRC32

def folder = new File(basedir, 'src/main/resources/db/migration')
def lock = new File(folder, 'schema.lock')
assert lock.exists()
def entries = lock.readLines().findAll { !it.startsWith('#') && it.trim() }
// Flyway's checksum: CRC32 of every line without its line break
def checksum = { File f -> def crc = new CRC32(); f.eachLine('UTF-8') { crc.update(it.getBytes('UTF-8')) }; (int) crc.value }
// exactly what Flyway applies with sqlMigrationSuffixes=POSTGRESQL.sql: no H2 or MySQL file is released here
assert entries == ['POSTGRESQL/V1_20_0__create_books_table__POSTGRESQL.sql', 'POSTGRESQL/V1_20_4__add_isbn_to_books__POSTGRESQL.sql']
        .collect { "${it} ${checksum(new File(folder, it))}".toString() } : entries

def log = new File(basedir, 'build.log').text
assert log.contains('Locked the released migrations in')
assert !log.contains('migrations have version') : 'the vendors\' files share versions, which Flyway is content with'
assert !log.contains('was released') : 'a fresh lock matches the folder as diff reads it'
assert log.contains('The entity model has changes that no migration covers') : 'diff ran past the folder checks'
return true
