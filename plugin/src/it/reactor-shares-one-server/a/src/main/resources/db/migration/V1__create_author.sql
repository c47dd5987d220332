create table author (
    id bigint not null primary key,
    name varchar(255)
);
