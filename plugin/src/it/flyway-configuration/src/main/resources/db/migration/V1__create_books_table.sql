-- superseded by B2: a new database never runs this
create table books (id int primary key);
