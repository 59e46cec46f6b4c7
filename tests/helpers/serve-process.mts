// A stream server in its own process, for scale-out tests: options as JSON in argv[2], the
// renderer a stand-in (no browser). Prints "READY <port>" once listening; SIGTERM closes it.
import { startStreamServer } from '../../runtime/server/start-stream-server.ts';
import { fakeRenderer } from './fake-renderer.ts';

const options = JSON.parse(process.argv[2]);
const server = await startStreamServer({ ...options, openRenderer: fakeRenderer().open, samplePage: false });
process.stdout.write(`READY ${server.port}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
