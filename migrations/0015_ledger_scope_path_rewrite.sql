-- The ledger stays append-only: no amount, date, party or reference is ever
-- edited. The one exception is `buyer_path`, which is a copy of the buyer's
-- place in the tree kept for the V1 predicate (not a fact of the entry):
-- moveAccount rewrites it for entries between two accounts that move
-- together, and an UPDATE that changes anything else is still refused.
CREATE OR REPLACE FUNCTION ledger_entries_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'buyer_path') = (to_jsonb(OLD) - 'buyer_path') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ledger_entries is append-only';
END;
$$ LANGUAGE plpgsql;
