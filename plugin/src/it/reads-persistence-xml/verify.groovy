import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// run 1: two units and none chosen
assert log.contains('persistence.xml has 2 persistence units: \'shop\' (line 6), \'reporting\' (line 18). '
        + 'Name the one to compare with <persistenceUnit> (schema.persistenceUnit).')

// run 2: one line says what was read from the unit, connection and generation settings left out
assert log.contains("Read META-INF/persistence.xml, persistence unit 'shop': 2 listed class(es), properties "
        + 'hibernate.physical_naming_strategy (line 14), hibernate.default_schema (line 15); '
        + "left out (the plugin's own): jakarta.persistence.schema-generation.database.action")
// the listed classes are the model, though no package pattern matches them
assert log.contains('Model: 2 entities')
assert !log.contains('Mapped classes outside the model packages')
def report = new JsonSlurper().parse(new File(basedir, 'target/schema/diff.json'))
assert report.status == 'in-sync' : report.changes
true
