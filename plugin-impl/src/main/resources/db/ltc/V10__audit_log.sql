-- The audit log (governance.md "Audit log"): append-only and hash-chained. Written only by
-- org.ltcreports.audit.AuditLog; never updated or deleted by the plugin.
-- seq is assigned by AuditLog (head count + 1), not by a sequence, so that a gap always means a
-- deletion. event_time is UTC. hash = SHA-256 over the canonical serialisation of every column
-- (seq to policy_version) and prev_hash; prev_hash of event 1 is 64 zeros.
-- parameters is canonical JSON kept as text (not JSON/JSONB, which would re-order it and break
-- the hash).
CREATE TABLE ltc_audit_event (
  seq             BIGINT         NOT NULL PRIMARY KEY,
  event_time      TIMESTAMP      NOT NULL,
  user_name       VARCHAR(200)   NOT NULL,
  user_role       VARCHAR(40),
  action          VARCHAR(40)    NOT NULL,
  report_type     VARCHAR(40),
  practice_code   VARCHAR(10),
  locality_code   VARCHAR(10),
  report_month    VARCHAR(7),
  audience        VARCHAR(20),
  parameters      VARCHAR(10000) NOT NULL,
  artifact_sha256 VARCHAR(64),
  outcome         VARCHAR(20)    NOT NULL,
  policy_version  VARCHAR(40),
  prev_hash       VARCHAR(64)    NOT NULL,
  hash            VARCHAR(64)    NOT NULL
);

CREATE INDEX ltc_audit_event_time ON ltc_audit_event (event_time);
CREATE INDEX ltc_audit_event_user ON ltc_audit_event (user_name);
CREATE INDEX ltc_audit_event_practice ON ltc_audit_event (practice_code);
CREATE INDEX ltc_audit_event_hash ON ltc_audit_event (hash);

-- The anchor: the number of events and the hash of the last one, updated in the same transaction
-- as every append. Its row lock serialises appends across processes. Without it, deleting the
-- newest events would leave a shorter chain that still verifies.
CREATE TABLE ltc_audit_head (
  id          INT         NOT NULL PRIMARY KEY,
  event_count BIGINT      NOT NULL,
  head_hash   VARCHAR(64) NOT NULL,
  updated_at  TIMESTAMP
);

INSERT INTO ltc_audit_head (id, event_count, head_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
