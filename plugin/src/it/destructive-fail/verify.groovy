def log = new File(basedir, 'build.log').text
assert log.contains('Nothing was written: 1 change loses data, and schema.destructive=fail')
assert log.contains('books: drop column fax (drops the column and its data)')
assert log.contains('BUILD FAILURE')
def files = new File(basedir, 'src/main/resources/db/migration').list().sort()
assert files == ['V1__create_books_table.sql', 'V2__add_fax.sql'] : files
return true
