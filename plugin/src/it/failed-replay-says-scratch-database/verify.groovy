def log = new File(basedir, 'build.log').text
// the failure names the file, the statement and the database's words
assert log.contains('V2__add_isbn_and_pages.sql') : log
assert log.contains('alter table book add column pages integer') : log
assert log.contains('relation "book" does not exist') : log
// Flyway's words for a production database are said of the scratch one
assert log.contains("Replaying the migrations on the plugin's scratch database failed at") : log
assert log.contains('no database of yours was touched') : log
assert !log.contains('Please restore backups') : log
assert !log.contains('roll back database and code') : log
assert !log.contains('Migration of schema') : log
return true
