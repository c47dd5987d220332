def log = new File(basedir, 'build.log').text
// first run: the rename is not declared
assert log.contains('books.name -> title looks like a rename: as planned, name is dropped with its data.')
// and as planned it would not even run: the migrations insert a book, and title is NOT NULL
assert log.contains('The missing migration needs a decision first: V2__add_title_to_books_and_1_more.sql does not run on the data the existing migrations insert')
def folder = new File(basedir, 'src/main/resources/db/migration')
def migration = new File(folder, 'V2__rename_name_to_title_in_books.sql')
assert migration.exists() : folder.list()
assert migration.text.contains('alter table books rename column name to title;')
assert !migration.text.contains('drop column')
assert new File(basedir, 'src/main/schema-undo/U2__rename_name_to_title_in_books.sql').text.contains('alter table books rename column title to name;')
assert log.contains('Schema is in sync: the 2 migration(s)')
return true
