// Plain ESM entry of the database worker: registers tsx inside the worker (loader hooks are not
// inherited by worker threads on Node 20) and loads the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')
