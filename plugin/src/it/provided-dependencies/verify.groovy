def log = new File(basedir, 'build.log').text

assert !log.contains('NoClassDefFoundError') : 'provided dependencies must be on the model\'s classpath'
assert !log.contains('Unable to load class') : 'the entity\'s static initialiser needs provided commons-logging'
assert log.contains('DDL by Hibernate ORM 7.3.13.Final (the project\'s own)') :
        'the project\'s Hibernate runs, with the JPA API the project declares provided'
assert log.contains('Schema is in sync') : 'the migration matches the entity'
assert log.contains('BUILD SUCCESS')
return true
