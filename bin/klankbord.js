#!/usr/bin/env node
// Entry of the `klankbord` command: TypeScript is run directly with tsx (no build step).
import { register } from 'tsx/esm/api'

register()
await import('../src/main/cli.ts')
