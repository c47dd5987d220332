def log = new File(basedir, 'build.log').text
assert log.contains('V1__create_books_table.sql was released (schema.lock, checksum 12345) and has been edited')
assert log.contains('V2__add_fax.sql is not released yet, but its version 2 is below the released 3')
return true
