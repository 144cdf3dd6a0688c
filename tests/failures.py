"""Real database failures for tests: a trigger that refuses inserts into a table.

``failing_insert_sql(vendor, table, after)`` gives the statements that make every insert into
``table`` fail once the inserting person (``user_id`` of the new row, when the table has one)
or the table holds ``after`` rows, and the statements that undo it: on SQLite a trigger that
aborts, on PostgreSQL a trigger that raises. The request's transaction then rolls back exactly as
it would after a lost connection or a failed constraint.
"""


def failing_insert_sql(vendor, table, after=0, per_user=False):
    rows = f"SELECT COUNT(*) FROM {table}"
    if per_user:
        rows += " WHERE user_id = NEW.user_id"
    if vendor == "sqlite":
        create = [f"CREATE TRIGGER hub_test_fail BEFORE INSERT ON {table} "
                  f"WHEN ({rows}) >= {after} BEGIN SELECT RAISE(ABORT, 'forced failure'); END"]
        return create, ["DROP TRIGGER hub_test_fail"]
    create = [
        "CREATE FUNCTION hub_test_fail() RETURNS trigger AS $$ BEGIN "
        f"IF ({rows}) >= {after} THEN RAISE EXCEPTION 'forced failure'; END IF; "
        "RETURN NEW; END $$ LANGUAGE plpgsql",
        f"CREATE TRIGGER hub_test_fail BEFORE INSERT ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION hub_test_fail()",
    ]
    return create, [f"DROP TRIGGER hub_test_fail ON {table}", "DROP FUNCTION hub_test_fail()"]
