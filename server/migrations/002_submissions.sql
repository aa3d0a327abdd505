-- Rounds with their 报送截止日期, submitted round documents (every revision kept), 问询 and
-- the review log the department sees.
CREATE TABLE rounds (
  year integer NOT NULL,
  month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  deadline date NOT NULL,
  set_by integer NOT NULL REFERENCES accounts (id),
  set_at timestamptz NOT NULL,
  PRIMARY KEY (year, month)
);

CREATE TABLE submissions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  department_id integer NOT NULL REFERENCES departments (id),
  year integer NOT NULL,
  month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  revision integer NOT NULL CHECK (revision >= 1),
  state text NOT NULL CHECK (state IN ('submitted', 'returned', 'approved')),
  format_version integer NOT NULL,
  department_name text NOT NULL,
  reported_at timestamptz NOT NULL,
  content jsonb NOT NULL,
  sha256 text NOT NULL,
  source text NOT NULL CHECK (source IN ('online', 'package')),
  submitted_by integer NOT NULL REFERENCES accounts (id),
  submitted_at timestamptz NOT NULL,
  UNIQUE (department_id, year, month, revision)
);
CREATE INDEX submissions_round ON submissions (year, month);

CREATE TABLE inquiries (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id integer NOT NULL REFERENCES submissions (id),
  project_id text NOT NULL,
  indicator_id text,
  question text NOT NULL,
  state text NOT NULL CHECK (state IN ('open', 'answered', 'closed')),
  asked_by integer NOT NULL REFERENCES accounts (id),
  asked_at timestamptz NOT NULL,
  answer text,
  answered_by integer REFERENCES accounts (id),
  answered_at timestamptz,
  close_note text,
  closed_by integer REFERENCES accounts (id),
  closed_at timestamptz
);
CREATE INDEX inquiries_submission ON inquiries (submission_id);

CREATE TABLE review_actions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  department_id integer NOT NULL REFERENCES departments (id),
  year integer NOT NULL,
  month integer NOT NULL,
  submission_id integer REFERENCES submissions (id),
  inquiry_id integer REFERENCES inquiries (id),
  action text NOT NULL CHECK (action IN ('submit', 'upload_package', 'approve', 'return', 'ask', 'answer', 'close_inquiry')),
  actor_id integer NOT NULL REFERENCES accounts (id),
  at timestamptz NOT NULL,
  note text
);
CREATE INDEX review_actions_round ON review_actions (department_id, year, month);
