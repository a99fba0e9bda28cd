-- Several nodes on one database. A job row is claimed with select ... for update skip locked, so a scheduled job
-- (honeypot retention and digests) runs once per cluster, not once per node; next_run_at says when it is due again.
create table portcullis_cluster_job (
    name        varchar(100) primary key,
    next_run_at timestamp with time zone not null,
    claimed_by  varchar(200) not null,
    claimed_at  timestamp with time zone not null
);
-- Each running node, refreshed every minute: the deploy checks see from it that several nodes share the database.
create table portcullis_cluster_node (
    node_name    varchar(200) primary key,
    started_at   timestamp with time zone not null,
    last_seen_at timestamp with time zone not null
);
