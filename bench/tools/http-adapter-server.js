'use strict';
// The server half of bench/http-adapter.bench.js: one small Nest app on Express or on Fastify, with
// the product's HTTP pipeline around two routes (GET /health/live and POST /api/disputes, which
// validates the real FileDisputeDto and answers 201) and optionally N routes more, registered
// before them, to price Express's in-order route scan. Needs `npm run build` (it loads dist/).
//
//   ADAPTER=express|fastify EXTRA_ROUTES=70 PORT=1234 node bench/tools/http-adapter-server.js
//
// Express gets the product's own configureApp. Fastify gets the same steps as Fastify hooks, each
// running the product's own middleware on the raw request and response: helmet, request id, request
// log (pino-http), no-store and Vary for /api, the media type check, the declared-length refusal,
// a JSON parser with the depth check and body hash, and the caller's request-id scope. Both get
// the product's validation pipe and one global guard; only Express gets the product's problem
// filter (it is written against Express's response; no request here fails).

require('reflect-metadata');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { Body, Controller, Get, HttpCode, Injectable, Module, Post, SetMetadata } = require('@nestjs/common');
const { APP_GUARD, NestFactory, Reflector } = require('@nestjs/core');
const helmet = require('helmet').default;

const DIST = path.resolve(__dirname, '..', '..', 'dist');
const fromDist = (file) => require(path.join(DIST, file));
const { configureApp } = fromDist('apps/api/src/http/configure-app.js');
const { FileDisputeDto } = fromDist('apps/api/src/disputes/http/dto/file-dispute.dto.js');
const { requestIdMiddleware, requestScopeMiddleware } = fromDist('apps/api/src/http/request-id.js');
const { requestLogMiddleware } = fromDist('apps/api/src/http/request-log.js');
const { jsonContentTypeMiddleware } = fromDist('apps/api/src/http/content-type.middleware.js');
const { declaredLengthLimit, verifyJsonBody } = fromDist('apps/api/src/http/json-body.js');
const { AppValidationPipe } = fromDist('apps/api/src/http/validation.js');
const { createLogger } = fromDist('libs/runtime/src/logging.js');

const ADAPTER = process.env.ADAPTER;
const EXTRA_ROUTES = Number(process.env.EXTRA_ROUTES || 0);
const PORT = Number(process.env.PORT);
const BODY_LIMIT = 1024 * 1024;
if (ADAPTER !== 'express' && ADAPTER !== 'fastify') throw new Error(`ADAPTER must be express or fastify, got ${ADAPTER}`);
if (!Number.isInteger(EXTRA_ROUTES) || EXTRA_ROUTES < 0) throw new Error(`EXTRA_ROUTES must be a whole number, got ${EXTRA_ROUTES}`);

// --- Decorators applied by hand (this file is plain JavaScript, like the other benches).

function decorateMethod(cls, name, decorators, paramTypes = []) {
  const descriptor = Object.getOwnPropertyDescriptor(cls.prototype, name);
  Object.defineProperty(cls.prototype, name, Reflect.decorate(decorators, cls.prototype, name, descriptor));
  Reflect.defineMetadata('design:paramtypes', paramTypes, cls.prototype, name);
}

const PUBLIC = 'bench:public';

/** Like the product's AuthGuard in shape: public routes pass, others need an Authorization header. */
class BenchGuard {
  constructor(reflector) {
    this.reflector = reflector;
  }
  canActivate(context) {
    if (this.reflector.getAllAndOverride(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    return typeof context.switchToHttp().getRequest().headers.authorization === 'string';
  }
}
Reflect.decorate([Injectable()], BenchGuard);
Reflect.defineMetadata('design:paramtypes', [Reflector], BenchGuard);

class HealthController {
  live() {
    return { status: 'ok' };
  }
}
decorateMethod(HealthController, 'live', [Get('live'), SetMetadata(PUBLIC, true)]);
Reflect.decorate([Controller('health')], HealthController);

class DisputesController {
  file(body) {
    // Something from the validated DTO in the answer, so the work cannot be skipped.
    return { id: randomUUID(), claims: body.claims.length };
  }
}
Body()(DisputesController.prototype, 'file', 0);
decorateMethod(DisputesController, 'file', [Post(), HttpCode(201)], [FileDisputeDto]);
Reflect.decorate([Controller('api/disputes')], DisputesController);

/** EXTRA_ROUTES routes shaped like the product's (/api/<resource>/:id/<action>), half GET, half POST. */
class ExtraController {}
for (let i = 0; i < EXTRA_ROUTES; i++) {
  const name = `route${i}`;
  ExtraController.prototype[name] = function () {
    return { route: i };
  };
  const route = `resource${Math.floor(i / 5)}/:id/action${i % 5}`;
  decorateMethod(ExtraController, name, [i % 2 === 0 ? Get(route) : Post(route)]);
}
Reflect.decorate([Controller('api')], ExtraController);

// The extra routes first: Express tries routes in the order they were added.
class BenchModule {}
Reflect.decorate(
  [
    Module({
      controllers: EXTRA_ROUTES > 0 ? [ExtraController, HealthController, DisputesController] : [HealthController, DisputesController],
      providers: [{ provide: APP_GUARD, useClass: BenchGuard }],
    }),
  ],
  BenchModule,
);

// --- Fastify: the product's pipeline as hooks.

/** Runs an Express-style (req, res, next) middleware on Fastify's raw request and response. */
const raw = (middleware) => (request, reply, done) => middleware(request.raw, reply.raw, done);

function configureFastify(app) {
  const fastify = app.getHttpAdapter().getInstance();
  const apiHeaders = helmet();
  const onApi = (middleware) => (request, reply, done) => (request.url.startsWith('/api') ? middleware(request, reply, done) : done());
  fastify.addHook('onRequest', raw(apiHeaders));
  fastify.addHook('onRequest', raw(requestIdMiddleware));
  fastify.addHook('onRequest', raw(requestLogMiddleware(createLogger())));
  fastify.addHook(
    'onRequest',
    onApi((request, reply, done) => {
      reply.raw.setHeader('Cache-Control', 'no-store');
      reply.raw.setHeader('Vary', 'Accept-Language');
      done();
    }),
  );
  // The media type check reads req.path (Express); on Fastify that is the URL without its query.
  fastify.addHook(
    'onRequest',
    onApi((request, reply, done) => {
      request.raw.path = request.url.split('?', 1)[0];
      jsonContentTypeMiddleware(request.raw, reply.raw, done);
    }),
  );
  fastify.addHook('onRequest', raw(declaredLengthLimit(BODY_LIMIT)));
  fastify.removeContentTypeParser(['application/json']);
  fastify.addContentTypeParser(
    /^application\/(?:[\w.+-]+\+)?json/i,
    { parseAs: 'buffer', bodyLimit: BODY_LIMIT },
    (request, bytes, done) => {
      try {
        verifyJsonBody(request.raw, undefined, bytes);
        done(null, JSON.parse(bytes.toString('utf8')));
      } catch (error) {
        if (!error.statusCode) error.statusCode = 400;
        done(error);
      }
    },
  );
  // After the body is read, like in the Express pipeline.
  fastify.addHook('preValidation', raw(requestScopeMiddleware));
  app.useGlobalPipes(new AppValidationPipe());
  // The product's ProblemDetailsFilter writes through Express's response API, so Fastify keeps
  // Nest's own filter here: the benchmark's requests all succeed, and a filter costs nothing then.
}

async function main() {
  let app;
  if (ADAPTER === 'express') {
    // abortOnError off: configureApp looks for HistoryIntegrity, which this slim module does not have.
    app = await NestFactory.create(BenchModule, { bodyParser: false, logger: ['error', 'warn'], abortOnError: false });
    configureApp(app, { bodyLimitBytes: BODY_LIMIT, corsOrigins: [], trustProxyHops: 0, requestLog: true, apiDocs: false });
  } else {
    const { FastifyAdapter } = require('@nestjs/platform-fastify');
    app = await NestFactory.create(BenchModule, new FastifyAdapter({ bodyLimit: BODY_LIMIT }), {
      bodyParser: false,
      logger: ['error', 'warn'],
    });
    configureFastify(app);
  }
  await app.listen(PORT, '127.0.0.1');
  process.stderr.write(`[http-adapter-server] ${ADAPTER} with ${EXTRA_ROUTES} extra routes on port ${PORT}\n`);
  process.once('SIGTERM', () => {
    app.close().finally(() => process.exit(0));
  });
}

main().catch((error) => {
  process.stderr.write(`[http-adapter-server] failed: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
