-- Departments, accounts (the bureau and one login per department) and server-side sessions.
CREATE TABLE departments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('bureau', 'department')),
  department_id integer REFERENCES departments (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'department') = (department_id IS NOT NULL))
);
-- Logins are matched without regard to case: 'Admin' and 'admin' are one account.
CREATE UNIQUE INDEX accounts_login_key ON accounts (lower(login));

-- The cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

-- Failed logins per (lower-cased) login name, for the growing wait between attempts.
CREATE TABLE login_failures (
  login_key text PRIMARY KEY,
  failures integer NOT NULL,
  last_failed_at timestamptz NOT NULL,
  blocked_until timestamptz
);
