// A readable listing of bytecode: offsets, source positions, opcodes, operands with
// constants and names resolved. Used by `vmrun --print-bytecode` and `vmsnap inspect`.

import { OPS } from "./opcodes";
import { positionAt, type FunctionCode, type Program } from "./bytecode";

function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "bigint") return `${v}n`;
  return String(v);
}

export function disassembleFunction(fn: FunctionCode): string {
  const out: string[] = [];
  out.push(
    `function #${fn.index} ${fn.name || "<anonymous>"} (params ${fn.nparams}, locals ${fn.nlocals}, stack ${fn.maxStack})`,
  );
  if (fn.localNames.length)
    out.push(`  locals: ${fn.localNames.map((n, i) => `r${i}=${n || "?"}`).join(" ")}`);
  fn.scopes.forEach((s, i) => out.push(`  scope ${i}: ${s.names.join(", ")}`));
  for (let i = 0; i < fn.handlers.length; i += 4)
    out.push(
      `  handler [${fn.handlers[i]}, ${fn.handlers[i + 1]}) -> ${fn.handlers[i + 2]} depth ${fn.handlers[i + 3]}`,
    );
  const code = fn.code;
  let at = 0;
  let lastLine = -1;
  while (at < code.length) {
    const info = OPS[code[at]];
    if (!info) {
      out.push(`  ${String(at).padStart(5)}  <bad opcode ${code[at]}>`);
      break;
    }
    const ops = info.operands.map((kind, k) => {
      const w = code[at + 1 + k];
      if (kind === "const" || kind === "name") return show(fn.consts[w]);
      if (kind === "local") return `r${w}${fn.localNames[w] ? `(${fn.localNames[w]})` : ""}`;
      if (kind === "target") return `->${w}`;
      return String(w);
    });
    const { line, col } = positionAt(fn, at);
    const pos = line !== lastLine ? `${line}:${col}`.padEnd(8) : "".padEnd(8);
    lastLine = line;
    out.push(
      `  ${String(at).padStart(5)} ${pos} ${info.name}${ops.length ? " " + ops.join(" ") : ""}`,
    );
    at += 1 + info.operands.length;
  }
  return out.join("\n");
}

export function disassemble(program: Program): string {
  return program.functions.map(disassembleFunction).join("\n\n");
}
