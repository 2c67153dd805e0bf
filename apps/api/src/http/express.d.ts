import 'express';

declare module 'express-serve-static-core' {
  interface Request {
    /** The body exactly as received, for digests and signatures. */
    rawBody?: Buffer;
  }
}
