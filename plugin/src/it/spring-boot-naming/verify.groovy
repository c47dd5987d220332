import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Spring Boot naming: physical PhysicalNamingStrategySnakeCaseImpl (Spring Boot 4 default), implicit SpringImplicitNamingStrategy (Spring Boot 4 default)')
// nothing in application.yml sets the naming: the log says Spring's default was assumed, and how to override it
assert log.contains('Assumed, as no file sets spring.jpa.hibernate.naming.physical-strategy or spring.jpa.hibernate.naming.implicit-strategy:'
        + ' to override, set them or -Dschema.hibernateProperties=hibernate.physical_naming_strategy=<class>,hibernate.implicit_naming_strategy=<class>')
def inSync = new JsonSlurper().parse(new File(basedir, 'target/schema/diff.json'))
assert inSync.status == 'in-sync' : 'Spring naming: the migrations match without any plugin configuration'

// run 2, profile legacy: Hibernate's standard physical naming keeps the Java names
def legacy = new JsonSlurper().parse(new File(basedir, 'target/schema-legacy/diff.json'))
assert legacy.status == 'out-of-sync'
def created = legacy.changes.findAll { it.kind == 'create_table' }*.table as Set
assert created == ['customeraccount', 'accounttag', 'customeraccount_tags'] as Set : created
true
