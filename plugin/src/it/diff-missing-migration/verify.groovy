def log = new File(basedir, 'build.log').text
assert log.contains('The entity model has changes that no migration covers (3 changes to 2 objects)')
assert log.contains('+ create sequence loans_seq (start 1, increment 50)')
assert log.contains('loans  (com.example.library.domains.lending.model.Loan)')
assert log.contains('+ create table (3 columns)')
assert log.contains('+ add foreign key (book_id) -> books  <- Loan.book')
assert log.contains("Run 'mvn compile schema:generate' to write V2__create_loans_table.sql")
def pending = new File(basedir, 'target/schema/pending.sql').text
assert pending.contains('create table loans (')
assert pending.contains('dueon date not null') : 'PostgreSQL folds the unquoted dueOn'
assert pending.contains('create sequence loans_seq')
assert log.contains('BUILD FAILURE') : 'a missing migration is a failure, not an error'
return true
