-- The history log: every add, change, delete, action and export made through the admin, with field-level old and new
-- values (secret fields masked). Append-only: each entry's hash covers its content and the previous entry's hash, so
-- editing, removing or inserting a row anywhere breaks the chain (check audit.E001).
create table portcullis_history (
    id           bigint        not null primary key,
    occurred_at  timestamp with time zone not null,
    username     varchar(150)  not null,
    action       varchar(10)   not null,
    entity       varchar(100)  not null,
    object_id    varchar(255),
    object_label varchar(255),
    detail       varchar(2000),
    changes      varchar       not null,
    prev_hash    varchar(64)   not null,
    hash         varchar(64)   not null
);
create index ix_portcullis_history_object on portcullis_history (entity, object_id, id);
create index ix_portcullis_history_user on portcullis_history (username, id);

-- The head of the chain: one row, locked by each writer until it commits, so concurrent writers on every node append
-- one after the other and never fork the chain.
create table portcullis_history_head (
    id        integer     not null primary key,
    last_id   bigint      not null,
    last_hash varchar(64) not null
);
insert into portcullis_history_head (id, last_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
