import io.schemadiff.core.Dialect
import io.schemadiff.reference.NamedMariaDbServer
import io.schemadiff.testing.ItServer
import io.schemadiff.testing.ModelRoundTrip

try {
    def team = ItServer.handedToBuild(basedir)
    def log = new File(basedir, 'build.log').text
    def folder = new File(basedir, 'src/main/resources/db/migration')
    def files = folder.list().sort()
    assert files == ['V1__create_products_table.sql', 'V2__create_purchase_orders_table_and_4_more.sql',
                     'V3__create_invoices_table.sql'] : files
    assert new File(basedir, 'src/main/schema-undo').list().sort() == ['U2__create_purchase_orders_table_and_4_more.sql',
                                                                      'U3__create_invoices_table.sql']

    // the dialect came from the application's datasource URL
    // the file by its name, never the machine's path
    assert log.contains('Dialect: mariadb, from spring.datasource.url in application.properties line 2 (set <dialect> (schema.dialect) to choose)')
    // 1: the failing diff named what is missing
    assert log.contains('purchase_orders')
    // 2: written for MariaDB, on the embedded server
    def sql = new File(folder, 'V2__create_purchase_orders_table_and_4_more.sql').text
    assert sql.contains('MariaDB 11.4') : sql
    assert sql.contains('create table purchase_orders') : sql
    // columns are compared without case, but written as the entity model spells them
    assert sql.contains('placedAt datetime(6) not null') : sql
    assert sql.contains('create index idx_purchase_orders_placed on purchase_orders (placedAt);') : sql
    assert sql.contains('auto_increment') : sql
    assert sql.contains('alter table products add column description') : sql
    // V1's hand-written bool is tinyint(1); Hibernate maps boolean to bit(1) on MariaDB
    assert sql.contains('alter table products modify column active bit(1) not null;') : sql
    assert !sql.contains('"') : 'MariaDB quotes with backticks, if at all'
    assert log =~ /Reference: 1 migration\(s\) replayed on embedded MariaDB 11\.4\.\d+/
    // 5: generated on the server, for its version
    def invoices = new File(folder, 'V3__create_invoices_table.sql').text
    assert invoices.contains('MariaDB 10.') || invoices.contains('MariaDB 11.') : invoices
    assert invoices.contains('create sequence invoice_numbers') : invoices
    assert invoices.contains('create table invoices') : invoices
    // 3, 4 and 6: in sync on both references
    // 3: the catalog generate verified and kept; 6: replayed, since 5 wrote on the team's server
    assert log =~ /Reference: the catalog of 2 migration\(s\) replayed earlier on embedded MariaDB 11\.4\.\d+/
    assert log =~ /Reference: 3 migration\(s\) replayed on embedded MariaDB 11\.4\.\d+/
    assert log.contains('Reference: 2 migration(s) replayed on a scratch database of ' + team.connection())
    assert log.contains('Schema is in sync')

    // no scratch database is left on the team's server
    team.connection().dataSource(null, false).connection.withCloseable { c ->
        def rs = c.createStatement().executeQuery(
                "select count(*) from information_schema.schemata where schema_name like 'schemadiff\\_%'")
        rs.next()
        assert rs.getInt(1) == 0
    }

    // the migrations, applied by Flyway, build exactly what Hibernate's own DDL builds
    def classes = new File(basedir, 'target/classes').toPath()
    def loader = new URLClassLoader([classes.toUri().toURL()] as URL[], ModelRoundTrip.classLoader)
    NamedMariaDbServer.connect(team.connection()).withCloseable { server ->
        ModelRoundTrip.assertMigrationsBuildTheModel(Dialect.MARIADB, server, [folder.toPath()], classes,
                ['**.domains.*.model'], [], loader, [:])
    }
} finally {
    ItServer.stop(context)
}
true
