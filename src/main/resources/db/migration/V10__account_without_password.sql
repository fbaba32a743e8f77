-- A newsroom account may have no password yet: accounts brought in by a site import (transfer)
-- carry none, and cannot sign in until an admin sets one. Nothing is ever given a default password.
ALTER TABLE account ALTER COLUMN password_hash DROP NOT NULL;
