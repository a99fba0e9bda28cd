-- Sessions say who ended them (an administrator's username; empty when the user or a timeout did) and which browser
-- and system they ran in, as a short label read once from the user agent ("Chrome 131 on Windows").
alter table portcullis_session add column ended_by varchar(150);
alter table portcullis_session add column browser varchar(100);
