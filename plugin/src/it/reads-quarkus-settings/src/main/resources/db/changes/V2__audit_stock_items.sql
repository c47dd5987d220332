-- Envers with the validity audit strategy: every audit row records the revision that ended it (revend)
create sequence revinfo_seq start with 1 increment by 50;

create table revinfo (
    rev integer primary key,
    revtstmp bigint
);

create table stock_item_history (
    id bigint not null,
    rev integer not null references revinfo (rev),
    revtype smallint,
    revend integer references revinfo (rev),
    stock_keeping_unit varchar(64),
    quantity_on_hand integer,
    primary key (rev, id)
);
