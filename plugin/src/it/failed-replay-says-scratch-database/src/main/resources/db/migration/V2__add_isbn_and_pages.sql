alter table books add column isbn varchar(255);
-- a typo: the table is books
alter table book add column pages integer;
