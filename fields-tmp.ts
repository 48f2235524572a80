import { plan } from "./components/cli/plan";
import * as fs from "fs";
function leaves(v: unknown, p: string, out: Map<string, unknown>) {
  if (Array.isArray(v)) { v.forEach((x) => leaves(x, `${p}[]`, out)); return; }
  if (v && typeof v === "object") { for (const [k, x] of Object.entries(v)) leaves(x, p ? `${p}.${k}` : k, out); return; }
  out.set(p, v);
}
(async () => {
  const all = new Map<string, Set<string>>();
  for (const prog of fs.readdirSync("programs")) {
    const r = await plan({ program: `programs/${prog}` });
    if (r.errors.length) console.log(prog, "ERR", r.errors.map(e=>e.message.slice(0,200)));
    for (const res of r.resources) {
      if (!res.parent || !res.parent.startsWith("cloudrun-lb:")) continue;
      const m = new Map<string, unknown>(); leaves(res.inputs, "", m);
      for (const [k, v] of m) { const key = `${res.type} ${k}`; if (!all.has(key)) all.set(key, new Set()); all.get(key)!.add(JSON.stringify(v).slice(0,60)); }
    }
  }
  for (const [k, v] of [...all].sort()) console.log(k, [...v].slice(0,4).join(" | "));
})();
