-- Clinic.directions, a @Lob String with columnDefinition "text": H2 reads a CLOB, PostgreSQL text.
alter table clinics add column directions clob;
