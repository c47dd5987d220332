alter table books add column phone varchar(30);
