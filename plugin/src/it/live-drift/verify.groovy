import groovy.json.JsonSlurper
import io.schemadiff.testing.ItServer
import org.postgresql.ds.PGSimpleDataSource

def snapshot = evaluate(new File(basedir, 'live-snapshot.groovy'))

def log = new File(basedir, 'build.log').text
def team = ItServer.handedToBuild(basedir)
def live = new PGSimpleDataSource(url: team.url(), user: team.user(), password: team.password())
def described = team.connection().describe()
try {
    assert log.contains('Reference: live database ' + described)
    assert log.contains('2 migration(s) applied, 0 pending')
    assert log.contains('The live database has drifted from the entity model (1 change to 1 table)')
    assert log.contains('drop column legacy_code')
    assert log.contains('No migration is pending, so the database was changed by hand')
    assert !log.contains('it-secret-never-logged') : 'credentials never reach the log'

    def json = new JsonSlurper().parse(new File(basedir, 'target/schema/diff.json'))
    assert json.status == 'out-of-sync'
    assert json.reference.startsWith('live database ' + described)
    assert json.migrationStatus.applied == 2 && json.migrationStatus.pending == []
    assert json.changes*.kind == ['drop_column']
    assert !new File(basedir, 'target/schema/diff.json').text.contains('it-secret-never-logged')
    assert new File(basedir, 'target/schema/diff.md').text.startsWith('### Live database: 1 change to 1 table of drift')

    // read-only, proven: the same columns, rows and history as before the build
    assert snapshot(live) == new File(basedir, 'snapshot-before.txt').text
} finally {
    try {
        new PGSimpleDataSource(url: team.url('postgres'), user: team.user(), password: team.password()).connection.withCloseable { c ->
            c.createStatement().execute('drop database if exists it_live_drift with (force)')
        }
    } finally {
        ItServer.stop(context)
    }
}
true
