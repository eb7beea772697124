-- Issue 16: no personal data in plain text at rest.
-- * issue.reporter_contact (an Open311 reporter's name, e-mail and phone) is now stored encrypted
--   by the application (FieldEncryptor, AES-256-GCM): the ciphertext is longer than 500 characters
--   for a long contact. Existing plain values are encrypted at start-up (ReporterContactEncryption),
--   as the key is not in the database.
-- * resident_import.valid_rows is now encrypted too; previews written before are plain JSON and
--   are only worth a day: they are dropped here.
alter table issue alter column reporter_contact type text;
delete from resident_import where valid_rows like '{%';
