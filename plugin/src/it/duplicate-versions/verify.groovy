def log = new File(basedir, 'build.log').text
assert log.contains('2 migrations have version 2: V2__add_fax.sql, V2__add_phone.sql')
assert log.contains('Renumber the one your branch added, e.g. V2__add_phone.sql -> V3__add_phone.sql')
assert !log.contains('Replaying the migrations') : 'stopped before any migration ran'
return true
