def log = new File(basedir, 'build.log').text
assert log.contains('No @Entity class found in packages matching [**.domains.*.model]')
// the project's own folders by name, the dependencies' jars as a count: a message that stays readable
def error = log.readLines().find { it.contains('No @Entity class found') }
assert error.contains('Searched: target/classes and 1 jar(s) of the classpath.') : error
assert !error.contains('.jar') : error
assert log.contains('Set <packages> (schema.packages) to where your entities live')
return true
