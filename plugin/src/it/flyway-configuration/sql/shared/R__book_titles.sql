create or replace view book_titles as select id, title from books;
