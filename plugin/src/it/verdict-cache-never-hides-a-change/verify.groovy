// build.log holds the eight invocations one after the other
def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD') }
assert runs.size() == 8 : runs.size()
def reused = 'Verdict reused from '
def inSync = 'Schema is in sync: the 1 migration(s) in src/main/resources/db/migration build exactly what the 1 entities map to.'

assert !runs[0].contains(reused) && runs[0].contains(inSync) : 'cold: compared'
assert runs[1].contains(reused) && runs[1].contains(inSync) : 'nothing changed: reused'
assert !runs[1].contains('Model: ') : 'a reused verdict starts no Hibernate'

// the edit fails the build, fresh; nothing changed after it fails it again, the same, reused; cache off, the same
def failure = { String run ->
    def start = run.indexOf('The entity model has changes that no migration covers')
    assert start >= 0 : run
    run.substring(start, run.indexOf('beside it.', start))
}
assert !runs[2].contains(reused) : 'a stale verdict must never hide the edit'
assert failure(runs[2]).contains('+ add column stock integer')
assert runs[3].contains(reused) && failure(runs[3]) == failure(runs[2])
assert !runs[4].contains(reused) && failure(runs[4]) == failure(runs[2])
assert new File(basedir, 'target/schema/pending.sql').exists() || runs[5].contains('Wrote ')

// generate writes the migration (no stored in-sync verdict to hide behind), diff then compares fresh
assert !runs[5].contains(reused) && runs[5].contains('V2__add_stock_to_products.sql')
assert !runs[6].contains(reused) && runs[6].contains('Schema is in sync: the 2 migration(s)')
assert runs[7].contains(reused) && runs[7].contains('Schema is up to date: the migrations already build what the 1 entities map to.')
assert new File(basedir, 'target/schema/verdict.cache').isFile()
return true
