import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { OWN_FILES_PAGE_CSP } from './security-headers.ts';

/**
 * Swagger UI's page loads its bundle, stylesheet and the spec from /docs itself (no inline script),
 * so scripts are same-origin only; its bundle injects a <style> element, so styles (never scripts) may
 * be inline. It is never framed.
 */
export const DOCS_CSP = OWN_FILES_PAGE_CSP;

/** OpenAPI generated from the routes' zod schemas, browsable at /docs (JSON at /docs/json). */
export async function registerSwagger(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'SMM panel gateway', version: '1.0.0' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP });
}
