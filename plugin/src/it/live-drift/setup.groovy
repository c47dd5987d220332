// Production as a release pipeline finds it: the project's migrations applied by Flyway, some rows,
// and a column someone added by hand. The snapshot lets verify.groovy prove nothing was changed.
// The production database lives on a server started here for this IT alone (or the one
// -Dschemadiff.test.postgresUrl names); its URL reaches the build through server.properties.
import io.schemadiff.testing.ItServer
import org.flywaydb.core.Flyway
import org.postgresql.ds.PGSimpleDataSource

def snapshot = evaluate(new File(basedir, 'live-snapshot.groovy'))

def team = ItServer.start('postgresql', context)
try {
    ItServer.handToBuild(basedir, ['schema.url': team.url('it_live_drift')])
    def server = new PGSimpleDataSource(url: team.url('postgres'), user: team.user(), password: team.password())
    server.connection.withCloseable { c ->
        c.createStatement().execute('drop database if exists it_live_drift with (force)')
        c.createStatement().execute('create database it_live_drift')
    }
    def live = new PGSimpleDataSource(url: team.url('it_live_drift'), user: team.user(), password: team.password())
    Flyway.configure(Flyway.class.classLoader).dataSource(live)
            .locations('filesystem:' + new File(basedir, 'src/main/resources/db/migration').absolutePath)
            .load().migrate()
    live.connection.withCloseable { c ->
        def s = c.createStatement()
        s.execute("insert into books (title, isbn) values ('Dune', '0441013597'), ('Emma', null)")
        s.execute('alter table books add column legacy_code varchar(10)')
    }
    new File(basedir, 'snapshot-before.txt').text = snapshot(live)
} catch (Throwable e) {
    ItServer.stop(context) // verify.groovy does not run after a failed setup
    throw e
}
true
