/** JSON logging with pino. Request-scoped children carry the request id. */
import { pino } from 'pino'

export type Logger = pino.Logger

/** Creates the process logger; `silent` in tests unless LOG_LEVEL says otherwise. */
export function createLogger(level: string, name = 'klankbord'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'],
      remove: true,
    },
  })
}
