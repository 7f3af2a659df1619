-- Every report the plugin generated: what, for whom, from which data, with the hash of each file.
CREATE TABLE ltc_report_run (
  run_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
  report_type   VARCHAR(40)  NOT NULL,
  scope_code    VARCHAR(10)  NOT NULL,
  report_month  VARCHAR(7)   NOT NULL,
  audience      VARCHAR(20)  NOT NULL,
  rules_version VARCHAR(40)  NOT NULL,
  extract_date  DATE         NOT NULL,
  requested_by  VARCHAR(200) NOT NULL,
  started_at    TIMESTAMP    NOT NULL,
  finished_at   TIMESTAMP,
  status        VARCHAR(20)  NOT NULL,
  error_message VARCHAR(1000)
);

CREATE TABLE ltc_run_artifact (
  run_id     VARCHAR(64)  NOT NULL REFERENCES ltc_report_run (run_id),
  format     VARCHAR(10)  NOT NULL,
  file_name  VARCHAR(300) NOT NULL,
  byte_size  BIGINT       NOT NULL,
  sha256     CHAR(64)     NOT NULL,
  PRIMARY KEY (run_id, format)
);

CREATE INDEX ltc_run_artifact_sha ON ltc_run_artifact (sha256);
