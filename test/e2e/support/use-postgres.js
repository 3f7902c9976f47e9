// Jest project e2e-postgres: startTestApp and startChildServer put the app's stores in PostgreSQL.
process.env.E2E_STORE = 'postgres';
