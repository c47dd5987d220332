def log = new File(basedir, 'build.log').text
assert log.contains(':diff (default) @ keep-sql-owned-indexes') : 'diff runs as part of the build'
assert log.contains('Schema is in sync') : 'nothing the model does not declare is dropped'
def json = new File(basedir, 'target/schema/diff.json').text
assert json.contains('"status": "in-sync"')
// each kept object is reported as left alone, naming the setting that keeps it
assert json.contains('index idx_books_isbn on books (schema.keepUndeclaredIndexes)') : json
assert json.contains('index books_by_title_and_isbn on books (schema.keepUndeclaredIndexes)') : json
assert json.contains('check chk_books_title on books (schema.keep)') : json
// an expression index the model cannot express was left alone before this setting, and still is
assert json.contains('idx_books_title_lower') : json
return true
