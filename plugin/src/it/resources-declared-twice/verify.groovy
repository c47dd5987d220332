def log = new File(basedir, 'build.log').text
// one folder, once: in the plugin's log and in what Flyway is given
def migrations = log.readLines().find { it.contains('Migrations: ') }
assert migrations != null : log
assert migrations.endsWith('Migrations: src/main/resources/db/migration') : migrations
assert !log.toLowerCase().contains('duplicate')
assert log.contains('Reference: 1 migration(s) replayed')
// the next step repeats the options that matter to it, and names files as the user would type them
assert log.contains("Run 'mvn compile schema:generate -Dschema.unregistered=ignore' to write V2__create_loans_table.sql "
        + "(its SQL is in target/schema/pending.sql).")
true
