-- owned by SQL, not by the entity model: a tuned search index, a hand-written check, a reporting index
create index idx_books_title_lower on books (lower(title));
create index idx_books_isbn on books (isbn);
alter table books add constraint chk_books_title check (length(title) > 0);
create index books_by_title_and_isbn on books (title, isbn);
