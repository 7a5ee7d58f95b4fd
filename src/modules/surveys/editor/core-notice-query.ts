/**
 * Carries the notices of a save (core links dropped) across the redirect after POST, so the editor
 * shows them on the next GET: one `lokaal=<code>~<reason>~<block>~<version>` query value per notice.
 * Every part is a code, a reason word, a bouwblok id or a number, so nothing needs escaping; a value that
 * does not have this shape (an edited link) is ignored.
 */
import type { CoreLinkNotice } from '../definition/core-links.ts'

const SHAPE = /^([a-z][a-z0-9_]{0,62})~(text|scale)~(kern\.[a-z0-9_]+)~(\d{1,4})$/

/** The query string part for the notices ('' when there are none), starting with '&'. */
export function coreNoticesToQuery(notices: CoreLinkNotice[]): string {
  return notices.map((n) => `&lokaal=${n.code}~${n.reason}~${n.block}~${n.version}`).join('')
}

/** The notices of the `lokaal` query values (the path is not carried: the editor shows the code). */
export function coreNoticesFromQuery(values: string[] | undefined): CoreLinkNotice[] {
  return (values ?? []).slice(0, 60).flatMap((v) => {
    const m = SHAPE.exec(v)
    if (!m) return []
    const reason = m[2] as CoreLinkNotice['reason']
    return [{ path: '', code: m[1] as string, reason, block: m[3] as string, version: Number(m[4]) }]
  })
}
