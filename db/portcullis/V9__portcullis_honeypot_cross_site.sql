-- Honeypot attempts a browser sent on behalf of another site (Origin or Sec-Fetch-Site says so). They are kept for
-- the record but never count towards blocking an address: any web page could otherwise make a staff member's browser
-- lock their own office out of the admin.
alter table portcullis_intrusion_attempt add column cross_site boolean default false not null;
