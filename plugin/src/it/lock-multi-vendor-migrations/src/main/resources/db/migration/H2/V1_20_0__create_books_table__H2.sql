create table books (
    id bigint auto_increment primary key,
    title varchar(200) not null
);
