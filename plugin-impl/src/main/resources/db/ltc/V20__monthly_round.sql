-- The monthly round (governance.md "The monthly round"). Several plugin nodes may share this
-- database; the primary keys make each month's run and each notification happen once: a node
-- claims it by inserting the row, and only the node whose insert succeeded does the work. A claim
-- not finished within the lease (a node that died mid-run) may be taken over by updating it.
CREATE TABLE ltc_round_run (
  report_month VARCHAR(7)    NOT NULL PRIMARY KEY,
  claimed_by   VARCHAR(200)  NOT NULL,
  claimed_at   TIMESTAMP     NOT NULL,
  attempts     INT           NOT NULL,
  finished_at  TIMESTAMP,
  outcome      VARCHAR(4000)
);

-- One row per email notification: kind (FEEDBACK_READY, RETURN_DUE, RETURN_OVERDUE,
-- RETURN_SENT_BACK, RETURN_ACKNOWLEDGED), the practice it is about, the month and the return
-- version it answers (0 when none). recipients holds the addresses it went to.
CREATE TABLE ltc_notification (
  kind         VARCHAR(40)   NOT NULL,
  scope_code   VARCHAR(10)   NOT NULL,
  report_month VARCHAR(7)    NOT NULL,
  version      INT           NOT NULL,
  claimed_by   VARCHAR(200)  NOT NULL,
  claimed_at   TIMESTAMP     NOT NULL,
  sent_at      TIMESTAMP,
  recipients   VARCHAR(4000),
  CONSTRAINT ltc_notification_pk PRIMARY KEY (kind, scope_code, report_month, version)
);
