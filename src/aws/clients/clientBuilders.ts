import type { AwsClientBuilder, AwsClients } from '../clientFactory.ts';

/** Builders of some of the engine's clients, under the names `AwsClients` gives them. */
export type ClientBuilders = {
  [K in Exclude<keyof AwsClients, 'region'>]?: AwsClientBuilder<AwsClients[K]>;
};
