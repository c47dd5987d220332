def log = new File(basedir, 'build.log').text
assert log.contains(':diff (default) @ diff-in-sync') : 'diff runs as part of the build'
assert log.contains('Schema is in sync: the 2 migration(s) in src/main/resources/db/migration build exactly what the 1 entities map to.')
assert !new File(basedir, 'target/schema/pending.sql').exists()
assert new File(basedir, 'target/schema/diff.json').text.contains('"status": "in-sync"')
return true
