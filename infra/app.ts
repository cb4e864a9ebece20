import { App } from 'aws-cdk-lib';
import { readDeployConfig } from './deployConfig.ts';
import { buildLakemirrorApp } from './lakemirrorApp.ts';

// `npx cdk deploy --all -c config=path/to/lakemirror.yaml`; without -c the example config is synthesized.
const app = new App();
const configPath = String(app.node.tryGetContext('config') ?? 'config/example.yaml');
const prefix = app.node.tryGetContext('stackPrefix') as string | undefined;
buildLakemirrorApp(app, readDeployConfig(configPath), prefix ? { prefix } : {});
app.synth();
