#!/usr/bin/env node
// The `broadsheet` command. Broadsheet ships as TypeScript; tsx compiles it on load, so there is no
// build step between a checkout and a working CLI.
import { register } from 'tsx/esm/api';

register();
await import('../scripts/cli.ts');
