import { PGlite } from '@electric-sql/pglite'
import { readFile } from 'node:fs/promises'
let t=performance.now()
const a = await PGlite.create('memory://'); console.log('create1', Math.round(performance.now()-t)); 
t=performance.now()
const dump = await a.dumpDataDir('none'); console.log('dump', Math.round(performance.now()-t), dump.size)
t=performance.now()
const b = await PGlite.create('memory://'); console.log('create2', Math.round(performance.now()-t));
t=performance.now()
const c = await PGlite.create('memory://', {loadDataDir: dump}); console.log('create from dump', Math.round(performance.now()-t));
const url = new URL('../node_modules/@electric-sql/pglite/dist/pglite.wasm', import.meta.url)
t=performance.now()
const wasmModule = await WebAssembly.compile(await readFile('/work/main/node_modules/@electric-sql/pglite/dist/pglite.wasm'))
console.log('compile', Math.round(performance.now()-t))
t=performance.now()
const d = await PGlite.create('memory://', {loadDataDir: dump, wasmModule}); console.log('create from dump + module', Math.round(performance.now()-t));
t=performance.now()
const e = await PGlite.create('memory://', {wasmModule}); console.log('create + module', Math.round(performance.now()-t));
