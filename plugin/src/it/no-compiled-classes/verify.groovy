def log = new File(basedir, 'build.log').text
assert log.contains('No compiled classes in ')
assert log.contains('Compile first: mvn compile schema:diff (or schema:generate).')
return true
