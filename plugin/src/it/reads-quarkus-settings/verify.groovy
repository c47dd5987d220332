import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// one line says what was read from application.properties, and that the prod profile's values won
assert log.contains('Quarkus settings (profile prod) from application.properties: '
        + 'hibernate.physical_naming_strategy=CamelCaseToUnderscoresNamingStrategy'
        + ' (quarkus.hibernate-orm.physical-naming-strategy in application.properties line 6), '
        + 'org.hibernate.envers.audit_table_suffix=_history (quarkus.hibernate-envers.audit-table-suffix in application.properties line 9), '
        + 'org.hibernate.envers.audit_strategy=ValidityAuditStrategy (%prod.quarkus.hibernate-envers.audit-strategy in application.properties line 10)')
assert log.contains('Migrations: src/main/resources/db/changes (Flyway settings from quarkus.flyway in application.properties (profile prod))')

// run 1, prod: Envers's REVEND columns and their keys are in the model too, so the migrations match
def prod = new JsonSlurper().parse(new File(basedir, 'target/schema/diff.json'))
assert prod.status == 'in-sync' : prod.changes

// quarkus.flyway.table names Flyway's history table: it is not mistaken for a table the model lacks
assert !prod.unmanaged.any { it.contains('inventory_schema_history') } : prod.unmanaged

// run 2, dev: Envers's default strategy has no end revision, so the migrations' revend looks like a drop
assert log.contains('Quarkus settings (profile dev) from application.properties: ')
def dev = new JsonSlurper().parse(new File(basedir, 'target/schema-dev/diff.json'))
assert dev.status == 'out-of-sync'
assert dev.changes.any { it.kind == 'drop_column' && it.column == 'revend' } : dev.changes
true
