-- Admission reviews: the practice's clinical audit of its emergency admissions (governance.md
-- "Admission review audit"). One current review per (practice, spell); report_month is the month
-- of the admission (the report month whose reviews_due it answers), not the review date.
-- Free text (learning, follow_up_action) is practice-audience material: it is never copied into
-- audit events or non-practice outputs.
CREATE TABLE ltc_admission_review (
  practice_code    VARCHAR(10)   NOT NULL,
  spell_id         VARCHAR(64)   NOT NULL,
  report_month     VARCHAR(7)    NOT NULL,
  version          INT           NOT NULL,
  reviewer         VARCHAR(200)  NOT NULL,
  review_date      DATE          NOT NULL,
  outcome          VARCHAR(30)   NOT NULL,
  learning         VARCHAR(4000),
  follow_up_action VARCHAR(4000),
  saved_by         VARCHAR(200)  NOT NULL,
  saved_at         TIMESTAMP     NOT NULL,
  CONSTRAINT ltc_admission_review_pk PRIMARY KEY (practice_code, spell_id)
);

CREATE INDEX ltc_admission_review_month ON ltc_admission_review (practice_code, report_month);

-- Contributing factors of the current version, one row each, so that they can be counted in SQL.
CREATE TABLE ltc_admission_review_factor (
  practice_code VARCHAR(10) NOT NULL,
  spell_id      VARCHAR(64) NOT NULL,
  factor        VARCHAR(30) NOT NULL,
  CONSTRAINT ltc_admission_review_factor_pk PRIMARY KEY (practice_code, spell_id, factor),
  CONSTRAINT ltc_admission_review_factor_fk FOREIGN KEY (practice_code, spell_id)
    REFERENCES ltc_admission_review (practice_code, spell_id)
);

-- Every version ever saved (the current one included), never changed: "edits keep history".
-- factors: the version's factors, comma-separated in enum order (a snapshot, not queried).
CREATE TABLE ltc_admission_review_history (
  practice_code    VARCHAR(10)   NOT NULL,
  spell_id         VARCHAR(64)   NOT NULL,
  version          INT           NOT NULL,
  report_month     VARCHAR(7)    NOT NULL,
  reviewer         VARCHAR(200)  NOT NULL,
  review_date      DATE          NOT NULL,
  outcome          VARCHAR(30)   NOT NULL,
  factors          VARCHAR(300)  NOT NULL,
  learning         VARCHAR(4000),
  follow_up_action VARCHAR(4000),
  saved_by         VARCHAR(200)  NOT NULL,
  saved_at         TIMESTAMP     NOT NULL,
  CONSTRAINT ltc_admission_review_history_pk PRIMARY KEY (practice_code, spell_id, version)
);
