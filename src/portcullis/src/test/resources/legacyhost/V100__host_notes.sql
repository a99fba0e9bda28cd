create table host_note (
    id bigint primary key,
    author_id bigint not null references portcullis_user (id),
    body varchar(200) not null
);
