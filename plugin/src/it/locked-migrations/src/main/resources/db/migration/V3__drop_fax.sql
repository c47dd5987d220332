alter table books drop column fax;
