-- Roles can be disabled: an inactive role grants nothing, and its holders lose its permissions at their next request.
alter table portcullis_role add column active boolean not null default true;
