def log = new File(basedir, 'build.log').text
assert log.contains('No @Entity class found in packages matching [**.domains.*.model]')
// the project's own folders by name, never the dependencies' jars: a message that stays readable (the JPA
// API jar holds no package matching the patterns, so it is not even opened)
def error = log.readLines().find { it.contains('No @Entity class found') }
assert error.contains('Searched: target/classes.') : error
assert !error.contains('.jar') : error
assert log.contains('Set <packages> (schema.packages) to where your entities live')
return true
