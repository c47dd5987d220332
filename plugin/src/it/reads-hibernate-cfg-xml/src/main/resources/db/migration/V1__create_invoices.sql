create table "Invoice" (
    "id" bigint primary key,
    "invoiceNumber" varchar(20) not null
);

create table "InvoiceLine" (
    "id" bigint primary key,
    "invoice_id" bigint not null references "Invoice" ("id"),
    "unitPrice" numeric(12, 2) not null
);
