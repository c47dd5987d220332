// build.log holds the nine invocations one after the other
def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD') }
assert runs.size() == 9 : runs.size()
def timings = { String run ->
    def line = run.readLines().find { it.contains('Timings (ms): ') }
    assert line != null : run
    line
}
def kept = { int migrations -> "Reference: the catalog of ${migrations} migration(s) replayed earlier on embedded PostgreSQL" }
def failure = { String run ->
    def start = run.indexOf('The entity model has changes that no migration covers')
    assert start >= 0 : run
    // the changes, without the next-step hint, which repeats each run's own -D options
    run.substring(start, run.indexOf("Run 'mvn", start))
}

// 1 cold: replayed on a server started for it
assert runs[0] =~ /Reference: 1 migration\(s\) replayed on embedded PostgreSQL \d+/
assert timings(runs[0]).contains('server=') && timings(runs[0]).contains('replay=')
assert runs[0].contains('Schema is in sync')

// 2 after mvn clean, nothing changed: both catalogs kept, no server, the same verdict
assert runs[1].contains(kept(1)) : runs[1]
assert runs[1].contains('(-Dschema.cache=false replays them)')
assert !timings(runs[1]).contains('server=') && !timings(runs[1]).contains('replay=') : timings(runs[1])
assert !runs[1].contains('Verdict reused from ')
assert runs[1].contains('Schema is in sync')

// 3 and 4: the edited entity is never hidden by a kept catalog, and fails the same way with the cache off;
// its difference is verified on the database run 1 replayed and kept: no replay
assert failure(runs[2]).contains('+ add column stock integer') : failure(runs[2])
assert failure(runs[2]) == failure(runs[3])
assert runs[2] =~ /Reference: the database 1 migration\(s\) were replayed into earlier on embedded PostgreSQL \d+\.\d+, kept in /
assert !timings(runs[2]).contains('replay=') : timings(runs[2])

// 5 and 6: generate keeps the catalog it verified, so the diff after it replays nothing
assert runs[4].contains('V2__add_stock_to_products.sql')
assert runs[5].contains(kept(2)) : runs[5]
assert !timings(runs[5]).contains('server=') : timings(runs[5])
assert runs[5].contains('Schema is in sync: the 2 migration(s)')

// 7 the next edit: Flyway applies only V2 to the database kept from run 1, as production would
assert runs[6] =~ /Reference: 2 migration\(s\) on embedded PostgreSQL \d+\.\d+: 1 replayed by an earlier build and kept in .*, 1 added since replayed now/ : runs[6]
assert failure(runs[6]).contains('+ add column weight integer') : failure(runs[6])
assert !failure(runs[6]).contains('stock') : failure(runs[6])

// 8 and 9: a released migration edited in place is replayed again, and the cache changes nothing
assert !runs[7].contains(kept(2)) && runs[7] =~ /Reference: 2 migration\(s\) replayed on embedded PostgreSQL/
assert failure(runs[7]).contains('name') : failure(runs[7])
assert failure(runs[7]) == failure(runs[8])

// the model JVM kept from an earlier run builds the models from the third run on (the first may write the
// class archive, the second starts the JVM that stays), with the verdicts above
(2..8).each { assert runs[it].contains(', in the model JVM kept from an earlier build') : runs[it] }

// kept where the local repository is, so mvn clean leaves them
def catalogs = new File(localRepositoryPath, '.cache/schemadiff/catalogs')
assert catalogs.isDirectory() && catalogs.list().findAll { it.endsWith('.catalog') }.size() >= 3 : catalogs
return true
