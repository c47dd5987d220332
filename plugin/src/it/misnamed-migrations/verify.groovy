def log = new File(basedir, 'build.log').text
assert log.contains('V2_add_fax.sql: Flyway would not run it: the version and the description are separated by one underscore, Flyway needs two; rename it to V2__add_fax.sql.')
assert log.contains('[WARNING] V3__draft.sql.txt looks like a migration, but Flyway ignores it')
return true
