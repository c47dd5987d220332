-- written by hand, the way people write MariaDB SQL (bool is tinyint(1); Hibernate writes bit)
create table products (
    id bigint(20) not null auto_increment primary key,
    sku varchar(40) not null,
    name varchar(200) not null,
    price decimal(10,2) not null,
    active bool not null default 1,
    constraint uk_products_sku unique (sku)
) engine=InnoDB;
