'use strict';
// Preloaded (node --require) into the server only when it is profiled with --cpu-prof: Node writes
// the profile on a normal exit but not when a signal kills the process. Gives the app's own shutdown
// hooks two seconds, then exits normally.
process.once('SIGTERM', () => {
  setTimeout(() => process.exit(0), 2000).unref();
});
