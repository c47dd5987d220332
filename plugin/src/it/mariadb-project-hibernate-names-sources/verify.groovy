import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('DDL by Hibernate ORM 6.4.10.Final (the project\'s own)') : 'the model is the project\'s Hibernate\'s'
assert log.contains('The entity model has changes that no migration covers')

def report = new JsonSlurper().parse(new File(basedir, 'target/schema/diff.json'))
assert report.database.dialect == 'mariadb'
assert report.hibernate.origin == 'project'
def changes = report.changes
assert changes.size() >= 3 : "email, the orders table and its key at least: ${changes*.summary}"
changes.each { change ->
    assert change.source != null : "no source for ${change.kind} ${change.table} ${change.column}: ${change.summary}"
    assert change.source.entity?.startsWith('com.example.crm.domains.customers.model.') : change.source
}
def email = changes.find { it.kind == 'add_column' && it.column == 'email' }
assert email != null : changes*.summary
assert email.source.entity == 'com.example.crm.domains.customers.model.Customer'
assert email.source.field == 'email'
def orders = changes.find { it.kind == 'create_table' && it.table == 'customer_orders' }
assert orders.source.entity == 'com.example.crm.domains.customers.model.CustomerOrder'
assert log.contains('customer_orders  (com.example.crm.domains.customers.model.CustomerOrder)')
return true
