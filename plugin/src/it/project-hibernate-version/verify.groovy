def log = new File(basedir, 'build.log').text

assert log.contains('entities in packages matching [**.domains.*.model], DDL by Hibernate ORM 7.3.13.Final (the project\'s own)') :
        'the model must be written by the project\'s Hibernate, and the output must say so'
assert log.contains('in sync') : 'the migrations match what Hibernate 7.3 creates'
assert !log.contains('unique') : 'no phantom unique constraint from the plugin\'s Hibernate 7.4'
assert !new File(basedir, 'target/schema/pending.sql').exists()
return true
