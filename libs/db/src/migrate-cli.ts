import { ensureDatabase, runMigrations } from './migrate.ts';

// The one place in libs/db that reads process.env: it is a command, not a library function.
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/smm';
const safeUrl = url.replace(/\/\/[^@/]*@/, '//***@');
const start = process.env.PUBLIC_NUMBER_START;
try {
  if (await ensureDatabase(url)) console.log(`created database ${new URL(url).pathname.slice(1)}`);
  await runMigrations(url, start ? { publicNumberStart: Number(start) } : {});
  console.log(`migrations applied to ${safeUrl}`);
} catch (e) {
  const err = e as { code?: string; message?: string };
  console.error(`could not migrate ${safeUrl}: ${err.code ?? ''} ${err.message ?? e}`);
  process.exit(1);
}
