-- A resubmission answers the reason its previous version was sent back (issue 20): the practice's
-- reply is kept on the new version, written once with it and never changed. NULL for version 1 and
-- for versions stored before this column existed. The same statement runs on H2 and PostgreSQL.
ALTER TABLE ltc_submission ADD COLUMN reply VARCHAR(2000);
