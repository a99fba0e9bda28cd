-- The language a user chose for the admin (a BCP 47 tag such as "de"); empty means the browser's.
alter table portcullis_user add column preferred_language varchar(35);

-- Why a session ended is stored as a code the list shows in the reader's language, no longer as English text.
-- Rows written before keep their meaning: the known texts become their codes (who ended a session is in ended_by).
update portcullis_session set end_reason = 'signed-out' where end_reason = 'signed out';
update portcullis_session set end_reason = 'idle-timeout' where end_reason = 'idle timeout';
update portcullis_session set end_reason = 'absolute-timeout' where end_reason = 'absolute timeout';
update portcullis_session set end_reason = 'user-disabled' where end_reason = 'user disabled';
update portcullis_session set end_reason = 'no-longer-staff' where end_reason = 'no longer staff';
update portcullis_session set end_reason = 'password-changed' where end_reason = 'password changed';
update portcullis_session set end_reason = 'ended-by' where end_reason like 'ended by %' and ended_by is not null;
update portcullis_session set end_reason = 'password-set' where end_reason like 'password set by %'
    and ended_by is not null;
update portcullis_session set end_reason = 'two-factor-reset' where end_reason like 'two-factor sign-in reset by %'
    and ended_by is not null;
