create table books (
    id bigint not null auto_increment primary key,
    title varchar(200) not null
) engine=InnoDB;
