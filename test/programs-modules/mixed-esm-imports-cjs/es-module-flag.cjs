// Transpiler-style CommonJS with __esModule and exports.default.
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = "transpiled default";
exports.named = "transpiled named";
