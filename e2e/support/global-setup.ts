import { startStack } from './stack.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack();
  process.env.BROOK_WEB_URL = stack.webUrl;
  process.env.BROOK_GATEWAY_URL = stack.gatewayUrl;
  process.env.BROOK_BROKER = stack.broker;
  return () => stack.stop();
}
