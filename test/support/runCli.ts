// The CLI from source (not dist/), for tests that need it as a process of its own (a pseudo-terminal, pipes).
import { main } from '../../src/cli/main.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.exitCode = await main(process.argv);
