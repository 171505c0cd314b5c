// Counts files with Chinese (CJK) characters outside comments: node scripts/cjk-literals.mjs cli src/ui  (V=1 lists them)
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
const dirs = process.argv.slice(2);
const files = execSync(`git ls-files ${dirs.join(' ')}`).toString().trim().split('\n').filter(f => /\.(ts|tsx|mjs)$/.test(f));
let n = 0; const hits = [];
for (const f of files) {
  let s = readFileSync(f, 'utf8');
  s = s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const m = s.match(/[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/g);
  if (m) { n++; hits.push(`${m.length}\t${f}`); }
}
console.log(`${n} of ${files.length}`); if (process.env.V) console.log(hits.sort((a,b)=>parseInt(b)-parseInt(a)).join('\n'));
