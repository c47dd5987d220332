import java.util.zip.CRC32

def folder = new File(basedir, 'src/main/resources/db/migration')
def lock = new File(folder, 'schema.lock')
assert lock.exists()
def entries = lock.readLines().findAll { !it.startsWith('#') && it.trim() }
assert entries.size() == 2
// Flyway's checksum: CRC32 of every line without its line break
def checksum = { File f -> def crc = new CRC32(); f.eachLine('UTF-8') { crc.update(it.getBytes('UTF-8')) }; (int) crc.value }
assert entries[0] == "V1__create_books_table.sql ${checksum(new File(folder, 'V1__create_books_table.sql'))}"
assert entries[1] == "V2__add_fax.sql ${checksum(new File(folder, 'V2__add_fax.sql'))}"
def log = new File(basedir, 'build.log').text
assert log.contains('Locked the released migrations in src/main/resources/db/migration/schema.lock. Commit it.')
assert !log.contains('was released') : 'a fresh lock matches its folder'
return true
