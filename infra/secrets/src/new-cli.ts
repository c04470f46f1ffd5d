// `npm run -s secrets:new`: fresh production secrets as .env lines on stdout (the hints go to
// stderr, so `npm run -s secrets:new > .env` writes only the values).
import { generateSecrets, toEnvLines } from './generate.ts';

process.stderr.write(
  '# Fresh secrets for docker-compose.yml: keep them out of git, back them up with the database.\n' +
    '# Losing SECRETS_KEY loses the provider API keys (set them again); to change it, see `npm run secrets:rotate`.\n',
);
process.stdout.write(toEnvLines(generateSecrets()));
