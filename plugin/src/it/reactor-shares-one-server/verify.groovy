// build.log holds both invocations one after the other
def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD') }
assert runs.size() == 2 : runs.size()
def count = { String run, String text -> run.readLines().count { it.contains(text) } }
def inSync = 'Schema is in sync: the 1 migration(s) in src/main/resources/db/migration build exactly what the 1 entities map to.'

runs.eachWithIndex { run, i ->
    assert run.contains('Using the MultiThreadedBuilder implementation with a thread count of 2') : "run ${i + 1} builds two at a time"
    // one server for both modules: the second one says it reuses the first one's, and one server is stopped at the end
    assert count(run, 'Reusing the embedded PostgreSQL 14.') == 1 : run
    assert run =~ /Reusing the embedded PostgreSQL 14\.\d+ started by module [ab]\./
    assert count(run, 'Stopped the embedded PostgreSQL') == 1 : run
    assert run =~ /Stopped the embedded PostgreSQL 14\.\d+ that 2 modules shared \(module [ab], module [ab]\)\./
    // nothing of an earlier run was left for this one to clean up
    assert !run.contains('left running by builds that were killed') : run
}

assert count(runs[0], inSync) == 2 : 'both modules in sync'
assert runs[0].contains('BUILD SUCCESS')

assert count(runs[1], inSync) == 1 : 'module a still in sync'
assert runs[1].contains('The entity model has changes that no migration covers') : 'module b fails'
assert runs[1].contains('note  (com.example.b.extra.Note)') : runs[1]
assert runs[1].contains('BUILD FAILURE')

// after the build: no server, no data folder, no registry entry; the prepared data folder stays for the next build
def tmp = new File(basedir, 'tmp')
def user = System.getProperty('user.name').replaceAll('[^A-Za-z0-9_.-]', '_')
def registry = new File(tmp, "schemadiff-servers-${user}")
assert !registry.exists() || registry.list().findAll { it.endsWith('.server') }.isEmpty() : registry.list()
assert tmp.list().findAll { it.startsWith('schemadiff-postgres-data-') }.isEmpty() : tmp.list()
def templates = new File(tmp, "schemadiff-postgres-${user}").listFiles()
assert templates != null && templates.size() == 1 : 'one prepared data folder for the one PostgreSQL'
assert new File(templates[0], 'data/PG_VERSION').isFile()
def running = ProcessHandle.allProcesses().filter { p ->
    p.info().arguments().map { args -> args.any { it.contains(tmp.absolutePath) } }.orElse(false)
}.count()
assert running == 0 : 'no process runs on a folder of this build'
return true
