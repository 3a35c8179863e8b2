// util.parseArgs as Node 20 has it: arguments to tokens (short groups, inline
// values, `--`), strict checks with Node's messages, defaults, `tokens: true`.
"use strict";

const { nodeError, ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE } = require("internal/errors");
const {
  validateArray,
  validateBoolean,
  validateObject,
  validateString,
} = require("internal/validators");

const hasOwn = (o, k) => o != null && Object.prototype.hasOwnProperty.call(o, k);
const getOwn = (o, k) => (hasOwn(o, k) ? o[k] : undefined);
const optionsGetOwn = (options, name, prop) =>
  hasOwn(options, name) ? getOwn(options[name], prop) : undefined;

function invalidValue(message) {
  return nodeError(TypeError, "ERR_PARSE_ARGS_INVALID_OPTION_VALUE", message);
}

function findLongOptionForShort(short, options) {
  const entry = Object.entries(options).find(([, config]) => getOwn(config, "short") === short);
  return entry?.[0] ?? short;
}

const isLoneShortOption = (arg) => arg.length === 2 && arg[0] === "-" && arg[1] !== "-";
const isLoneLongOption = (arg) => arg.length > 2 && arg.startsWith("--") && !arg.includes("=", 3);
const isLongOptionAndValue = (arg) =>
  arg.length > 2 && arg.startsWith("--") && arg.includes("=", 3);
const isOptionLikeValue = (value) => value != null && value.length > 1 && value[0] === "-";

/** `-abc`: a group unless its first option takes a string (then `-fVALUE`). */
function shortStartsString(arg, options) {
  if (arg.length <= 2 || arg[0] !== "-" || arg[1] === "-") return null;
  return optionsGetOwn(options, findLongOptionForShort(arg[1], options), "type") === "string";
}

function argsToTokens(args, options) {
  const tokens = [];
  let index = -1;
  let groupCount = 0;
  const remaining = args.slice();
  while (remaining.length > 0) {
    const arg = remaining.shift();
    const nextArg = remaining[0];
    if (groupCount > 0) groupCount--;
    else index++;
    if (arg === "--") {
      tokens.push({ kind: "option-terminator", index });
      for (const rest of remaining)
        tokens.push({ kind: "positional", index: ++index, value: rest });
      break;
    }
    const lone = isLoneShortOption(arg)
      ? findLongOptionForShort(arg[1], options)
      : isLoneLongOption(arg)
        ? arg.slice(2)
        : null;
    if (lone !== null) {
      let value;
      let inlineValue;
      if (optionsGetOwn(options, lone, "type") === "string" && nextArg != null) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: "option", name: lone, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }
    const startsString = shortStartsString(arg, options);
    if (startsString === false) {
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const short = arg[i];
        if (
          optionsGetOwn(options, findLongOptionForShort(short, options), "type") !== "string" ||
          i === arg.length - 1
        ) {
          expanded.push(`-${short}`);
        } else {
          expanded.push(`-${short}`, arg.slice(i + 1));
          break;
        }
      }
      remaining.unshift(...expanded);
      groupCount = expanded.length;
      continue;
    }
    if (startsString === true) {
      const name = findLongOptionForShort(arg[1], options);
      tokens.push({
        kind: "option",
        name,
        rawName: `-${arg[1]}`,
        index,
        value: arg.slice(2),
        inlineValue: true,
      });
      continue;
    }
    if (isLongOptionAndValue(arg)) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq);
      tokens.push({
        kind: "option",
        name,
        rawName: `--${name}`,
        index,
        value: arg.slice(eq + 1),
        inlineValue: true,
      });
      continue;
    }
    tokens.push({ kind: "positional", index, value: arg });
  }
  return tokens;
}

function checkOptionUsage(options, allowPositionals, token) {
  if (!hasOwn(options, token.name)) {
    const hint = allowPositionals
      ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(token.rawName)}`
      : "";
    throw nodeError(
      TypeError,
      "ERR_PARSE_ARGS_UNKNOWN_OPTION",
      `Unknown option '${token.rawName}'${hint}`,
    );
  }
  const short = optionsGetOwn(options, token.name, "short");
  const shortAndLong = `${short ? `-${short}, ` : ""}--${token.name}`;
  const type = optionsGetOwn(options, token.name, "type");
  if (type === "string" && typeof token.value !== "string")
    throw invalidValue(`Option '${shortAndLong} <value>' argument missing`);
  if (type === "boolean" && token.value != null)
    throw invalidValue(`Option '${shortAndLong}' does not take an argument`);
}

function checkOptionLikeValue(token) {
  if (!token.inlineValue && isOptionLikeValue(token.value)) {
    const example = token.rawName.startsWith("--")
      ? `'${token.rawName}=-XYZ'`
      : `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw invalidValue(
      `Option '${token.rawName}' argument is ambiguous.\nDid you forget to specify the option argument for '${token.rawName}'?\nTo specify an option argument starting with a dash use ${example}.`,
    );
  }
}

function storeOption(name, value, options, values) {
  if (name === "__proto__") return;
  const newValue = value ?? true;
  if (optionsGetOwn(options, name, "multiple")) {
    if (values[name] === undefined) values[name] = [newValue];
    else values[name].push(newValue);
  } else {
    values[name] = newValue;
  }
}

function validateDefault(value, type, multiple, name) {
  const check = type === "string" ? validateString : validateBoolean;
  if (!multiple) return check(value, name);
  validateArray(value, name);
  value.forEach((v, i) => check(v, `${name}[${i}]`));
}

function parseArgs(config = {}) {
  const args = config.args ?? process.argv.slice(2);
  const strict = config.strict ?? true;
  const allowPositionals = config.allowPositionals ?? !strict;
  const returnTokens = config.tokens ?? false;
  const options = config.options ?? { __proto__: null };
  validateArray(args, "args");
  validateBoolean(strict, "strict");
  validateBoolean(allowPositionals, "allowPositionals");
  validateBoolean(returnTokens, "tokens");
  validateObject(options, "options");
  for (const [name, optionConfig] of Object.entries(options)) {
    validateObject(optionConfig, `options.${name}`);
    const type = optionConfig.type;
    if (type !== "string" && type !== "boolean")
      throw ERR_INVALID_ARG_TYPE(`options.${name}.type`, "'string' or 'boolean'", type);
    if (hasOwn(optionConfig, "short")) {
      const short = optionConfig.short;
      validateString(short, `options.${name}.short`);
      if (short.length !== 1)
        throw ERR_INVALID_ARG_VALUE(`options.${name}.short`, short, "must be a single character");
    }
    if (hasOwn(optionConfig, "multiple"))
      validateBoolean(optionConfig.multiple, `options.${name}.multiple`);
    if (optionConfig.default !== undefined)
      validateDefault(optionConfig.default, type, optionConfig.multiple, `options.${name}.default`);
  }
  const tokens = argsToTokens(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;
  for (const token of tokens) {
    if (token.kind === "option") {
      if (strict) {
        checkOptionUsage(options, config.allowPositionals, token);
        checkOptionLikeValue(token);
      }
      storeOption(token.name, token.value, options, result.values);
    } else if (token.kind === "positional") {
      if (!allowPositionals)
        throw nodeError(
          TypeError,
          "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL",
          `Unexpected argument '${token.value}'. This command does not take positional arguments`,
        );
      result.positionals.push(token.value);
    }
  }
  for (const [name, optionConfig] of Object.entries(options)) {
    if (optionConfig.default !== undefined && result.values[name] === undefined)
      result.values[name] = optionConfig.default;
  }
  return result;
}

module.exports = { parseArgs };
