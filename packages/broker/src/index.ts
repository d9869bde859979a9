// Public entry of @brook/broker: start a broker in-process, or load its config from env/flags.
export { startBroker, type RunningBroker, type StartOptions } from './broker.ts';
export { loadConfig, defineConfig, ConfigError, type BrokerConfig } from './config.ts';
