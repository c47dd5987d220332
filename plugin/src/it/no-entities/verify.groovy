def log = new File(basedir, 'build.log').text
assert log.contains('No @Entity class found in packages matching [**.domains.*.model]')
assert log.contains('Searched: ') && log.contains('target/classes')
assert log.contains('Set <packages> (schema.packages) to where your entities live.')
return true
