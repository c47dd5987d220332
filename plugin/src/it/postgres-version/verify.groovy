def log = new File(basedir, 'build.log').text
assert log =~ /Reference: 2 migration\(s\) replayed on embedded PostgreSQL 16\.\d+/
assert log.contains('Schema is in sync')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/schema/diff.json'))
assert json.postgresVersion.startsWith('16.')
true
