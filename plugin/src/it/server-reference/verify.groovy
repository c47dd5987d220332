import io.schemadiff.testing.ItServer

try {
    def server = ItServer.handedToBuild(basedir)
    def log = new File(basedir, 'build.log').text
    assert log.contains('Reference: 2 migration(s) replayed on a scratch database of ' + server.connection())
    assert log.contains('Schema is in sync')
    // the scratch databases are gone again
    server.connection().dataSource(null, false).connection.withCloseable { c ->
        def rs = c.createStatement().executeQuery("select count(*) from pg_database where datname like 'schemadiff\\_%'")
        rs.next()
        assert rs.getInt(1) == 0
    }
} finally {
    ItServer.stop(context)
}
true
