def log = new File(basedir, 'build.log').text

def summary = (log =~ /The entity model has changes that no migration covers \((\d+) changes? to (\d+) (?:tables?|objects?)\)/)
assert summary.find() : 'the failure states how many changes there are'
int changes = summary.group(1) as int
def file = (log =~ /to write (V2__\w+?)(?:_and_(\d+)_more)?\.sql/)
assert file.find() : 'the failure names the file that generate would write'
assert file.group(2) != null : "two topics (a new table, a new column elsewhere): the name counts the others, in ${file.group(0)}"
int more = file.group(2) as int
assert 1 + more == changes : "the name says one change and ${more} more, the summary says ${changes} changes"

// the model makes the units differ: three changes to loans are one topic, the isbn column another
assert changes == 4 : 'sequence, table, foreign key, column'
assert log.contains('+ add column isbn character varying(255)')
assert log.contains('to write V2__create_loans_table_and_3_more.sql')
return true
