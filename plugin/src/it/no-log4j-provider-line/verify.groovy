def log = new File(basedir, 'build.log').text

assert log.contains('Schema is in sync') : 'the verdict is the same as without Log4j on the classpath'
assert !log.contains('Log4j API could not find a logging provider')
assert !log.contains('StatusLogger') : 'no Log4j status output of any kind'
assert log.contains('BUILD SUCCESS')
return true
