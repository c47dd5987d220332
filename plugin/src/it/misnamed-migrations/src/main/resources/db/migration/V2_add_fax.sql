alter table books add column fax varchar(30);
