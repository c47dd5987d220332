def log = new File(basedir, 'build.log').text
assert log.contains('Skipping schema:diff (schema.skip=true)')
assert log.contains('Skipping schema:generate (schema.skip=true)')
assert new File(basedir, 'src/main/resources/db/migration').list() as List == ['V1__create_books_table.sql']
assert !new File(basedir, 'target/schema').exists()
return true
