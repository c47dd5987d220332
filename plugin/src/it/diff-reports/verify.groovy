import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/schema')

assert log.contains('The entity model has changes that no migration covers (1 change to 1 table)') : 'reported as warnings'
assert log.contains('- drop column fax  [destructive]')
assert log.contains('BUILD SUCCESS') : 'failOnDifference=false reports without failing'

def json = new JsonSlurper().parse(new File(reports, 'diff.json'))
assert json.formatVersion == 1
assert json.status == 'out-of-sync'
assert json.nextMigration == 'V3__remove_fax_from_books.sql'
assert json.changes.size() == 1
def change = json.changes[0]
assert change.kind == 'drop_column' && change.table == 'books' && change.column == 'fax'
assert change.safety == 'destructive' && change.risks == ['destructive']
assert change.before.type == 'character varying(30)' && change.after == null
assert change.sql.contains('alter table books drop column fax')

def md = new File(reports, 'diff.md').text
assert md.startsWith('### Schema: 1 change to 1 table without a migration')
assert md.contains('```mermaid\nerDiagram\n    books {')

def junit = new XmlSlurper().parse(new File(reports, 'TEST-schema-diff.xml'))
assert junit.@tests == '1' && junit.@failures == '1'
assert junit.testcase[0].@name == 'books'
assert junit.testcase[0].failure.text().contains('drop column fax')

assert new File(reports, 'pending.sql').text.contains('alter table books drop column fax;')
return true
