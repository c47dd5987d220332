alter table books add column isbn varchar(255);
