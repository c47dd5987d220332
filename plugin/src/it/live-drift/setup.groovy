// Production as a release pipeline finds it: the project's migrations applied by Flyway, some rows,
// and a column someone added by hand. The snapshot lets verify.groovy prove nothing was changed.
import org.flywaydb.core.Flyway
import org.postgresql.ds.PGSimpleDataSource

def snapshot = evaluate(new File(basedir, 'live-snapshot.groovy'))

def server = new PGSimpleDataSource(url: 'jdbc:postgresql://127.0.0.1:5432/postgres', user: 'postgres')
server.connection.withCloseable { c ->
    c.createStatement().execute('drop database if exists it_live_drift with (force)')
    c.createStatement().execute('create database it_live_drift')
}
def live = new PGSimpleDataSource(url: 'jdbc:postgresql://127.0.0.1:5432/it_live_drift', user: 'postgres')
Flyway.configure(Flyway.class.classLoader).dataSource(live)
        .locations('filesystem:' + new File(basedir, 'src/main/resources/db/migration').absolutePath)
        .load().migrate()
live.connection.withCloseable { c ->
    def s = c.createStatement()
    s.execute("insert into books (title, isbn) values ('Dune', '0441013597'), ('Emma', null)")
    s.execute('alter table books add column legacy_code varchar(10)')
}
new File(basedir, 'snapshot-before.txt').text = snapshot(live)
true
