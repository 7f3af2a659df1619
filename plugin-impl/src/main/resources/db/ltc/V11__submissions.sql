-- Returns as sent (governance.md "The return lifecycle"). One row per version; the primary key
-- (practice, month, version) lets exactly one of two simultaneous submissions win.
-- Only state, decided_by, decided_at and reason ever change after insert (acknowledge/return);
-- the plugin has no code path that updates anything else or deletes a row.
-- warnings_acknowledged: the validation warnings the submitter acknowledged, one per line.
CREATE TABLE ltc_submission (
  practice_code         VARCHAR(10)   NOT NULL,
  report_month          VARCHAR(7)    NOT NULL,
  version               INT           NOT NULL,
  state                 VARCHAR(20)   NOT NULL,
  submitted_by          VARCHAR(200)  NOT NULL,
  submitted_at          TIMESTAMP     NOT NULL,
  due_date              DATE          NOT NULL,
  on_time               BOOLEAN       NOT NULL,
  warnings_acknowledged VARCHAR(4000) NOT NULL,
  run_id                VARCHAR(64),
  rules_version         VARCHAR(40),
  policy_version        VARCHAR(40),
  decided_by            VARCHAR(200),
  decided_at            TIMESTAMP,
  reason                VARCHAR(2000),
  CONSTRAINT ltc_submission_pk PRIMARY KEY (practice_code, report_month, version)
);

-- The exact bytes of every format sent, never changed. BYTEA is portable: PostgreSQL's binary
-- type, and an alias of BINARY VARYING (up to 1 GB) in H2 2.x. Stored in the row rather than on
-- disk so that the bytes and the submission commit or fail together.
CREATE TABLE ltc_submission_artifact (
  practice_code VARCHAR(10)  NOT NULL,
  report_month  VARCHAR(7)   NOT NULL,
  version       INT          NOT NULL,
  format        VARCHAR(10)  NOT NULL,
  file_name     VARCHAR(300) NOT NULL,
  byte_size     BIGINT       NOT NULL,
  sha256        VARCHAR(64)  NOT NULL,
  content       BYTEA        NOT NULL,
  CONSTRAINT ltc_submission_artifact_pk PRIMARY KEY (practice_code, report_month, version, format),
  CONSTRAINT ltc_submission_artifact_fk FOREIGN KEY (practice_code, report_month, version)
    REFERENCES ltc_submission (practice_code, report_month, version)
);

CREATE INDEX ltc_submission_artifact_sha ON ltc_submission_artifact (sha256);

-- The figures of each version, flattened (id, id/key, id/row/column), so that a resubmission can
-- show what changed since the previous version without parsing stored files.
-- value_type: INTEGER, DECIMAL, TEXT or NULL (not computable); value_text: the exact value.
CREATE TABLE ltc_submission_figure (
  practice_code VARCHAR(10)   NOT NULL,
  report_month  VARCHAR(7)    NOT NULL,
  version       INT           NOT NULL,
  figure_id     VARCHAR(300)  NOT NULL,
  value_type    VARCHAR(10)   NOT NULL,
  value_text    VARCHAR(2000),
  CONSTRAINT ltc_submission_figure_pk PRIMARY KEY (practice_code, report_month, version, figure_id),
  CONSTRAINT ltc_submission_figure_fk FOREIGN KEY (practice_code, report_month, version)
    REFERENCES ltc_submission (practice_code, report_month, version)
);
