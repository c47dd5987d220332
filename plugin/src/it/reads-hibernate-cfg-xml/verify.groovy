import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// one line says what was read from hibernate.cfg.xml; connection settings are left out
assert log.contains('Read hibernate.cfg.xml: 2 mapped class(es), properties hibernate.globally_quoted_identifiers (line 9),'
        + " hibernate.show_sql (line 10); left out (the plugin's own): hibernate.connection.url, hibernate.connection.username")
assert log.contains('Model: 2 entities')
def quoted = new JsonSlurper().parse(new File(basedir, 'target/schema/diff.json'))
assert quoted.status == 'in-sync' : quoted.changes

// run 2: the command line wins over the application's file
assert log.contains('Hibernate settings from -Dschema.hibernateProperties: hibernate.globally_quoted_identifiers')
def unquoted = new JsonSlurper().parse(new File(basedir, 'target/schema-unquoted/diff.json'))
assert unquoted.status == 'out-of-sync'
assert unquoted.changes.any { it.kind == 'create_table' && it.table == 'invoice' } : unquoted.changes
true
