import org.postgresql.ds.PGSimpleDataSource

def log = new File(basedir, 'build.log').text
assert log.contains('Reference: 2 migration(s) replayed on a scratch database of PostgreSQL at 127.0.0.1:5432/postgres as postgres')
assert log.contains('Schema is in sync')
// the scratch databases are gone again
new PGSimpleDataSource(url: 'jdbc:postgresql://127.0.0.1:5432/postgres', user: 'postgres').connection.withCloseable { c ->
    def rs = c.createStatement().executeQuery("select count(*) from pg_database where datname like 'schemadiff\\_%'")
    rs.next()
    assert rs.getInt(1) == 0
}
true
