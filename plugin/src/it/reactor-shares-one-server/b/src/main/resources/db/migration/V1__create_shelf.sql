create table shelf (
    id bigint not null primary key,
    capacity integer not null
);
