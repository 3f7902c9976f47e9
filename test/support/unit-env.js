// The unit project runs with no database server: a unit test that reached for PostgreSQL would fail
// here instead of quietly depending on CI's DATABASE_URL. (Integration and e2e tests use it.)
delete process.env.DATABASE_URL;
delete process.env.KURRENTDB_URL;
