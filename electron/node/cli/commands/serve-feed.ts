import { DEFAULT_FEED_HOST, FeedServerError, startFeedServer } from '../../feed-server';
import { CliError, requireInt, type Command } from '../context';
import { FEED_FLAGS, FEED_FLAGS_USAGE, feedFromStore } from './ics';

export const serveFeed: Command = {
  summary:
    'serves the iCal feed over HTTP until stopped (Ctrl+C); it is rebuilt from the store on every request',
  usage: `serve-feed [--host 127.0.0.1] [--port N] [--allow-host NAME]… ${FEED_FLAGS_USAGE}`,
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    'allow-host': { type: 'string', multiple: true },
    ...FEED_FLAGS,
  },
  positionals: [0, 0],
  async run(ctx, values) {
    const host = typeof values.host === 'string' && values.host !== '' ? values.host : DEFAULT_FEED_HOST;
    const port = values.port === undefined ? undefined : requireInt(values.port, '--port', 0, 65_535);
    const allowedHosts = Array.isArray(values['allow-host']) ? values['allow-host'].map(String) : [];
    if (allowedHosts.some((name) => !/^[A-Za-z0-9.:-]+$/.test(name))) {
      throw new CliError(
        '--allow-host expects a host name or an address, e.g. --allow-host feeds.example.',
        2,
      );
    }
    const { feed, store } = feedFromStore(ctx, values);
    let server;
    try {
      server = await startFeedServer({
        host,
        port: port ?? store.read().settings.feed.port,
        feed,
        allowedHosts,
      });
    } catch (error) {
      if (error instanceof FeedServerError) throw new CliError(`${error.message} (--port N, --host ADDRESS)`);
      throw error;
    }
    try {
      feed(); // a broken store or dataset fails here, before the addresses are announced
    } catch (error) {
      await server.close();
      throw error;
    }
    ctx.out(`Serving the Compass Timeline feed (stop with Ctrl+C):`);
    ctx.out(`  ${server.url}`);
    ctx.out(`  ${server.webcalUrl}`);
    if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
      ctx.err(`Note: listening on ${host}, so other computers that can reach it can read the feed.`);
    }
    const stopped = server;
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void stopped.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
