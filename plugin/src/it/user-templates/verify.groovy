def folder = new File(basedir, 'src/main/resources/db/migration')
def migration = new File(folder, 'V1__create_books_table.sql')
assert migration.exists() : folder.list()
def sql = migration.text
assert sql.contains("comment on table books is 'owned by the catalog team';") : sql
assert sql.contains('primary key (id)') : sql
def log = new File(basedir, 'build.log').text
assert log.contains('Schema is in sync') : 'the migration from the user template builds the model'
return true
