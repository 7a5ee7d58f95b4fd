import { PGlite } from '@electric-sql/pglite'
const db = await PGlite.create()
await db.exec('CREATE TABLE t (a int, b text)')
function msg(type: string, body: Buffer) { const h = Buffer.alloc(5); h.write(type, 0); h.writeInt32BE(body.length + 4, 1); return Buffer.concat([h, body]) }
const q = msg('Q', Buffer.from('COPY t (a, b) FROM STDIN\0'))
let data = ''; for (let i = 0; i < 1000; i++) data += `${i}\thello\n`
const d = msg('d', Buffer.from(data))
const c = msg('c', Buffer.alloc(0))
function show(label: string, out: Uint8Array) { const b = Buffer.from(out); const types: string[] = []; let o = 0; while (o + 5 <= b.length) { types.push(String.fromCharCode(b[o])); o += 1 + b.readInt32BE(o + 1) } console.log(label, types.join(','), b.toString('latin1').replace(/[^\x20-\x7e]/g, '.').slice(0, 300)) }
const mode = process.argv[2]
try {
if (mode === 'together') {
  show('all', await db.execProtocolRaw(new Uint8Array(Buffer.concat([q, d, c]))))
} else {
  show('q', await db.execProtocolRaw(new Uint8Array(q)))
  show('d', await db.execProtocolRaw(new Uint8Array(d)))
  show('c', await db.execProtocolRaw(new Uint8Array(c)))
}
} catch (e) { console.log('ERR', (e as Error).message) }
console.log((await db.query('select count(*) from t')).rows)
