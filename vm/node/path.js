// node:path — POSIX and Windows path operations with Node 20's exact results (its
// scanning algorithms: normalisation by segments, UNC and drive roots, the dot rules
// of extname/parse, the Windows device-name and drive-letter guards of normalize).
// Written for Jaunt; `path` is `path.posix`, as on every POSIX host.
"use strict";

const { validateObject, validateString } = require("internal/validators");
const { emitWarning } = require("jaunt:internals");

const SLASH = 47; // /
const BACKSLASH = 92; // \
const DOT = 46;
const COLON = 58;
const QUESTION = 63;

function isPosixSep(code) {
  return code === SLASH;
}

function isSep(code) {
  return code === SLASH || code === BACKSLASH;
}

function isDeviceRoot(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Resolves `.` and `..` segments; `allowAboveRoot` keeps leading `..` of relative paths. */
function normalizeString(path, allowAboveRoot, separator, isPathSeparator) {
  let res = "";
  let lastSegmentLength = 0;
  let lastSlash = -1;
  let dots = 0;
  let code = 0;
  for (let i = 0; i <= path.length; ++i) {
    if (i < path.length) code = path.charCodeAt(i);
    else if (isPathSeparator(code)) break;
    else code = SLASH;
    if (isPathSeparator(code)) {
      if (lastSlash === i - 1 || dots === 1) {
        // an empty or `.` segment
      } else if (dots === 2) {
        const endsWithDotDot =
          res.length >= 2 &&
          lastSegmentLength === 2 &&
          res.charCodeAt(res.length - 1) === DOT &&
          res.charCodeAt(res.length - 2) === DOT;
        if (!endsWithDotDot) {
          if (res.length > 2) {
            const lastSlashIndex = res.lastIndexOf(separator);
            if (lastSlashIndex === -1) {
              res = "";
              lastSegmentLength = 0;
            } else {
              res = res.slice(0, lastSlashIndex);
              lastSegmentLength = res.length - 1 - res.lastIndexOf(separator);
            }
            lastSlash = i;
            dots = 0;
            continue;
          } else if (res.length !== 0) {
            res = "";
            lastSegmentLength = 0;
            lastSlash = i;
            dots = 0;
            continue;
          }
        }
        if (allowAboveRoot) {
          res += res.length > 0 ? `${separator}..` : "..";
          lastSegmentLength = 2;
        }
      } else {
        if (res.length > 0) res += `${separator}${path.slice(lastSlash + 1, i)}`;
        else res = path.slice(lastSlash + 1, i);
        lastSegmentLength = i - lastSlash - 1;
      }
      lastSlash = i;
      dots = 0;
    } else if (code === DOT && dots !== -1) {
      ++dots;
    } else {
      dots = -1;
    }
  }
  return res;
}

function formatExt(ext) {
  return ext ? `${ext[0] === "." ? "" : "."}${ext}` : "";
}

function _format(sep, pathObject) {
  validateObject(pathObject, "pathObject");
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base || `${pathObject.name || ""}${formatExt(pathObject.ext)}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

/**
 * The scan shared by extname and parse over [start, path.length): the last part's
 * start, its end, the last dot and whether the dot makes an extension.
 */
function scanLastPart(path, start, isPathSeparator, initialPart = start) {
  let startDot = -1;
  let startPart = initialPart;
  let end = -1;
  let matchedSlash = true;
  let preDotState = 0; // 0: no dot yet, 1: a dot before startDot, -1: a non-dot before it
  for (let i = path.length - 1; i >= start; --i) {
    const code = path.charCodeAt(i);
    if (isPathSeparator(code)) {
      if (!matchedSlash) {
        startPart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
    if (code === DOT) {
      if (startDot === -1) startDot = i;
      else if (preDotState !== 1) preDotState = 1;
    } else if (startDot !== -1) {
      preDotState = -1;
    }
  }
  // No extension for "", ".", "..", ".name" and names without a dot.
  const noExt =
    startDot === -1 ||
    end === -1 ||
    preDotState === 0 ||
    (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1);
  return { startPart, end, startDot, noExt };
}

/** parse()'s base, name and ext from a scan of the last part, which starts at `start`. */
function setNameParts(ret, path, s, start) {
  if (s.end === -1) return;
  if (s.noExt) {
    ret.base = ret.name = path.slice(start, s.end);
  } else {
    ret.name = path.slice(start, s.startDot);
    ret.base = path.slice(start, s.end);
    ret.ext = path.slice(s.startDot, s.end);
  }
}

/** basename over [start, …) with an optional suffix to strip (posix and win32 alike). */
function basenameFrom(path, suffix, start, isPathSeparator) {
  let end = -1;
  let matchedSlash = true;
  if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
    if (suffix === path) return "";
    let extIdx = suffix.length - 1;
    let firstNonSlashEnd = -1;
    for (let i = path.length - 1; i >= start; --i) {
      const code = path.charCodeAt(i);
      if (isPathSeparator(code)) {
        if (!matchedSlash) {
          start = i + 1;
          break;
        }
      } else {
        if (firstNonSlashEnd === -1) {
          matchedSlash = false;
          firstNonSlashEnd = i + 1;
        }
        if (extIdx >= 0) {
          if (code === suffix.charCodeAt(extIdx)) {
            if (--extIdx === -1) end = i;
          } else {
            extIdx = -1;
            end = firstNonSlashEnd;
          }
        }
      }
    }
    if (start === end) end = firstNonSlashEnd;
    else if (end === -1) end = path.length;
    return path.slice(start, end);
  }
  for (let i = path.length - 1; i >= start; --i) {
    if (isPathSeparator(path.charCodeAt(i))) {
      if (!matchedSlash) {
        start = i + 1;
        break;
      }
    } else if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
  }
  if (end === -1) return "";
  return path.slice(start, end);
}

/**
 * The root of a Windows path that starts with two separators: a UNC root
 * `\\server\share` gives { firstPart, share, end } (end: where the share name stops),
 * or null when the path is not a complete UNC root.
 */
function uncRoot(path) {
  const len = path.length;
  let j = 2;
  let last = j;
  while (j < len && !isSep(path.charCodeAt(j))) j++;
  if (j >= len || j === last) return null;
  const firstPart = path.slice(last, j);
  last = j;
  while (j < len && isSep(path.charCodeAt(j))) j++;
  if (j >= len || j === last) return null;
  const afterFirst = j;
  last = j;
  while (j < len && !isSep(path.charCodeAt(j))) j++;
  return { firstPart, afterFirst, shareStart: last, end: j };
}

/**
 * The device of a path under a Win32 namespace (`\\?\…`, `\\.\…`): resolve and
 * normalize take `\\?` as the device and the rest as an absolute tail, as Node 20 does.
 */
function namespaceDevice(unc) {
  return unc.firstPart === "?" || unc.firstPart === "." ? `\\\\${unc.firstPart}` : null;
}

/**
 * The root of a Windows path for resolve and normalize: its device ("" if none: a
 * drive `C:`, a UNC `\\\\server\\share` or a namespace `\\\\?`), where the root ends,
 * whether the path is absolute, and whether it is nothing but a UNC root.
 */
function win32Root(path) {
  const len = path.length;
  const code = path.charCodeAt(0);
  const root = { device: "", rootEnd: 0, isAbsolute: false, uncOnly: false };
  if (isSep(code)) {
    root.isAbsolute = true;
    if (len > 1 && isSep(path.charCodeAt(1))) {
      const unc = uncRoot(path);
      const ns = unc && namespaceDevice(unc);
      if (ns) {
        root.device = ns;
        root.rootEnd = unc.afterFirst;
      } else if (unc) {
        root.device = `\\\\${unc.firstPart}\\${path.slice(unc.shareStart, unc.end)}`;
        root.rootEnd = unc.end;
        root.uncOnly = unc.end === len;
      }
    } else {
      root.rootEnd = 1;
    }
  } else if (len > 1 && isDeviceRoot(code) && path.charCodeAt(1) === COLON) {
    root.device = path.slice(0, 2);
    root.rootEnd = 2;
    if (len > 2 && isSep(path.charCodeAt(2))) {
      root.isAbsolute = true;
      root.rootEnd = 3;
    }
  }
  return root;
}

const WINDOWS_RESERVED_NAMES = [
  "CON",
  "PRN",
  "AUX",
  "NUL",
  "COM1",
  "COM2",
  "COM3",
  "COM4",
  "COM5",
  "COM6",
  "COM7",
  "COM8",
  "COM9",
  "LPT1",
  "LPT2",
  "LPT3",
  "LPT4",
  "LPT5",
  "LPT6",
  "LPT7",
  "LPT8",
  "LPT9",
  "COM\xb9",
  "COM\xb2",
  "COM\xb3",
  "LPT\xb9",
  "LPT\xb2",
  "LPT\xb3",
];

function isWindowsReservedName(path, colonIndex) {
  return WINDOWS_RESERVED_NAMES.includes(path.slice(0, colonIndex).toUpperCase());
}

const win32 = {
  resolve(...args) {
    let resolvedDevice = "";
    let resolvedTail = "";
    let resolvedAbsolute = false;
    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (resolvedDevice.length === 0) {
        path = process.cwd();
      } else {
        // The current directory of that drive, if the environment says (=C: variables).
        path = process.env[`=${resolvedDevice}`] || process.cwd();
        if (
          path === undefined ||
          (path.slice(0, 2).toLowerCase() !== resolvedDevice.toLowerCase() &&
            path.charCodeAt(2) === BACKSLASH)
        ) {
          path = `${resolvedDevice}\\`;
        }
      }
      const { device, rootEnd, isAbsolute } = win32Root(path);
      if (device.length > 0) {
        if (resolvedDevice.length > 0) {
          if (device.toLowerCase() !== resolvedDevice.toLowerCase()) continue; // another drive
        } else {
          resolvedDevice = device;
        }
      }
      if (resolvedAbsolute) {
        if (resolvedDevice.length > 0) break;
      } else {
        resolvedTail = `${path.slice(rootEnd)}\\${resolvedTail}`;
        resolvedAbsolute = isAbsolute;
        if (isAbsolute && resolvedDevice.length > 0) break;
      }
    }
    resolvedTail = normalizeString(resolvedTail, !resolvedAbsolute, "\\", isSep);
    return resolvedAbsolute
      ? `${resolvedDevice}\\${resolvedTail}`
      : `${resolvedDevice}${resolvedTail}` || ".";
  },

  normalize(path) {
    validateString(path, "path");
    const len = path.length;
    if (len === 0) return ".";
    if (len === 1) return isPosixSep(path.charCodeAt(0)) ? "\\" : path;
    const { device, rootEnd, isAbsolute, uncOnly } = win32Root(path);
    if (uncOnly) return `${device}\\`; // a UNC root ends with a separator
    if (device === "" && !isAbsolute) {
      // A reserved device name before a colon (CON:, NUL:, COM1:…) is kept as a
      // prefix of a relative path, as Node does since its Windows traversal fix.
      // (Without a colon Node tests the path minus its last character: kept as is.)
      const colonIndex = path.indexOf(":");
      if (isWindowsReservedName(path, colonIndex)) {
        let rest = normalizeString(path.slice(colonIndex + 1), true, "\\", isSep);
        if (rest.length === 0) rest = ".";
        if (isSep(path.charCodeAt(len - 1))) rest += "\\";
        return `.\\${path.slice(0, colonIndex + 1)}${rest}`;
      }
    }
    let tail = rootEnd < len ? normalizeString(path.slice(rootEnd), !isAbsolute, "\\", isSep) : "";
    if (tail.length === 0 && !isAbsolute) tail = ".";
    if (tail.length > 0 && isSep(path.charCodeAt(len - 1))) tail += "\\";
    if (!isAbsolute && device === "" && path.includes(":")) {
      // A relative result must not read as a drive path or an alternate stream.
      if (tail.length >= 2 && isDeviceRoot(tail.charCodeAt(0)) && tail.charCodeAt(1) === COLON)
        return `.\\${tail}`;
      let index = path.indexOf(":");
      do {
        if (index === len - 1 || isSep(path.charCodeAt(index + 1))) return `.\\${tail}`;
      } while ((index = path.indexOf(":", index + 1)) !== -1);
    }
    if (device === "") return isAbsolute ? `\\${tail}` : tail;
    return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, "path");
    const len = path.length;
    if (len === 0) return false;
    const code = path.charCodeAt(0);
    return (
      isSep(code) ||
      (len > 2 && isDeviceRoot(code) && path.charCodeAt(1) === COLON && isSep(path.charCodeAt(2)))
    );
  },

  join(...args) {
    if (args.length === 0) return ".";
    let joined;
    let firstPart;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, "path");
      if (arg.length > 0) {
        if (joined === undefined) joined = firstPart = arg;
        else joined += `\\${arg}`;
      }
    }
    if (joined === undefined) return ".";
    // Keep a UNC root only if the first part starts like one (\\server); otherwise
    // leading separators collapse to one.
    let needsReplace = true;
    let slashCount = 0;
    if (isSep(firstPart.charCodeAt(0))) {
      ++slashCount;
      const firstLen = firstPart.length;
      if (firstLen > 1 && isSep(firstPart.charCodeAt(1))) {
        ++slashCount;
        if (firstLen > 2) {
          if (isSep(firstPart.charCodeAt(2))) ++slashCount;
          else needsReplace = false;
        }
      }
    }
    if (needsReplace) {
      while (slashCount < joined.length && isSep(joined.charCodeAt(slashCount))) slashCount++;
      if (slashCount >= 2) joined = `\\${joined.slice(slashCount)}`;
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, "from");
    validateString(to, "to");
    if (from === to) return "";
    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return "";
    from = fromOrig.toLowerCase();
    to = toOrig.toLowerCase();
    if (from === to) return "";
    let fromStart = 0;
    while (fromStart < from.length && from.charCodeAt(fromStart) === BACKSLASH) fromStart++;
    let fromEnd = from.length;
    while (fromEnd - 1 > fromStart && from.charCodeAt(fromEnd - 1) === BACKSLASH) fromEnd--;
    const fromLen = fromEnd - fromStart;
    let toStart = 0;
    while (toStart < to.length && to.charCodeAt(toStart) === BACKSLASH) toStart++;
    let toEnd = to.length;
    while (toEnd - 1 > toStart && to.charCodeAt(toEnd - 1) === BACKSLASH) toEnd--;
    const toLen = toEnd - toStart;
    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const fromCode = from.charCodeAt(fromStart + i);
      if (fromCode !== to.charCodeAt(toStart + i)) break;
      else if (fromCode === BACKSLASH) lastCommonSep = i;
    }
    if (i !== length) {
      if (lastCommonSep === -1) return toOrig; // different drives or shares
    } else {
      if (toLen > length) {
        if (to.charCodeAt(toStart + i) === BACKSLASH) return toOrig.slice(toStart + i + 1);
        if (i === 2) return toOrig.slice(toStart + i); // from is a drive root
      }
      if (fromLen > length) {
        if (from.charCodeAt(fromStart + i) === BACKSLASH) lastCommonSep = i;
        else if (i === 2) lastCommonSep = 3;
      }
      if (lastCommonSep === -1) lastCommonSep = 0;
    }
    let out = "";
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || from.charCodeAt(i) === BACKSLASH)
        out += out.length === 0 ? ".." : "\\..";
    }
    toStart += lastCommonSep;
    if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
    if (toOrig.charCodeAt(toStart) === BACKSLASH) ++toStart;
    return toOrig.slice(toStart, toEnd);
  },

  toNamespacedPath(path) {
    if (typeof path !== "string" || path.length === 0) return path;
    const resolvedPath = win32.resolve(path);
    if (resolvedPath.length <= 2) return path;
    if (resolvedPath.charCodeAt(0) === BACKSLASH) {
      if (resolvedPath.charCodeAt(1) === BACKSLASH) {
        const code = resolvedPath.charCodeAt(2);
        if (code !== QUESTION && code !== DOT) return `\\\\?\\UNC\\${resolvedPath.slice(2)}`;
      }
    } else if (
      isDeviceRoot(resolvedPath.charCodeAt(0)) &&
      resolvedPath.charCodeAt(1) === COLON &&
      resolvedPath.charCodeAt(2) === BACKSLASH
    ) {
      return `\\\\?\\${resolvedPath}`;
    }
    return resolvedPath;
  },

  dirname(path) {
    validateString(path, "path");
    const len = path.length;
    if (len === 0) return ".";
    let rootEnd = -1;
    let offset = 0;
    const code = path.charCodeAt(0);
    if (len === 1) return isSep(code) ? path : ".";
    if (isSep(code)) {
      rootEnd = offset = 1;
      if (isSep(path.charCodeAt(1))) {
        const unc = uncRoot(path);
        if (unc) {
          if (unc.end === len) return path; // only a UNC root
          if (unc.end !== unc.shareStart) rootEnd = offset = unc.end + 1;
        }
      }
    } else if (isDeviceRoot(code) && path.charCodeAt(1) === COLON) {
      rootEnd = len > 2 && isSep(path.charCodeAt(2)) ? 3 : 2;
      offset = rootEnd;
    }
    let end = -1;
    let matchedSlash = true;
    for (let i = len - 1; i >= offset; --i) {
      if (isSep(path.charCodeAt(i))) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) {
      if (rootEnd === -1) return ".";
      end = rootEnd;
    }
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, "suffix");
    validateString(path, "path");
    // A drive letter and colon are not part of the name.
    const start =
      path.length >= 2 && isDeviceRoot(path.charCodeAt(0)) && path.charCodeAt(1) === COLON ? 2 : 0;
    return basenameFrom(path, suffix, start, isSep);
  },

  extname(path) {
    validateString(path, "path");
    const start =
      path.length >= 2 && path.charCodeAt(1) === COLON && isDeviceRoot(path.charCodeAt(0)) ? 2 : 0;
    const s = scanLastPart(path, start, isSep);
    return s.noExt ? "" : path.slice(s.startDot, s.end);
  },

  format: _format.bind(null, "\\"),

  parse(path) {
    validateString(path, "path");
    const ret = { root: "", dir: "", base: "", ext: "", name: "" };
    if (path.length === 0) return ret;
    const len = path.length;
    let rootEnd = 0;
    const code = path.charCodeAt(0);
    if (len === 1) {
      if (isSep(code)) {
        ret.root = ret.dir = path;
        return ret;
      }
      ret.base = ret.name = path;
      return ret;
    }
    if (isSep(code)) {
      rootEnd = 1;
      if (isSep(path.charCodeAt(1))) {
        const unc = uncRoot(path);
        if (unc) {
          if (unc.end === len) rootEnd = unc.end;
          else if (unc.end !== unc.shareStart) rootEnd = unc.end + 1;
        }
      }
    } else if (isDeviceRoot(code) && path.charCodeAt(1) === COLON) {
      if (len <= 2) {
        ret.root = ret.dir = path;
        return ret;
      }
      rootEnd = 2;
      if (isSep(path.charCodeAt(2))) {
        if (len === 3) {
          ret.root = ret.dir = path;
          return ret;
        }
        rootEnd = 3;
      }
    }
    if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
    const s = scanLastPart(path, rootEnd, isSep);
    setNameParts(ret, path, s, s.startPart);
    if (s.startPart > 0 && s.startPart !== rootEnd) ret.dir = path.slice(0, s.startPart - 1);
    else ret.dir = ret.root;
    return ret;
  },
};

const posix = {
  resolve(...args) {
    let resolvedPath = "";
    let resolvedAbsolute = false;
    for (let i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
      const path = i >= 0 ? args[i] : process.cwd();
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolvedPath = `${path}/${resolvedPath}`;
      resolvedAbsolute = path.charCodeAt(0) === SLASH;
    }
    resolvedPath = normalizeString(resolvedPath, !resolvedAbsolute, "/", isPosixSep);
    if (resolvedAbsolute) return `/${resolvedPath}`;
    return resolvedPath.length > 0 ? resolvedPath : ".";
  },

  normalize(path) {
    validateString(path, "path");
    if (path.length === 0) return ".";
    const isAbsolute = path.charCodeAt(0) === SLASH;
    const trailingSeparator = path.charCodeAt(path.length - 1) === SLASH;
    path = normalizeString(path, !isAbsolute, "/", isPosixSep);
    if (path.length === 0) {
      if (isAbsolute) return "/";
      return trailingSeparator ? "./" : ".";
    }
    if (trailingSeparator) path += "/";
    return isAbsolute ? `/${path}` : path;
  },

  isAbsolute(path) {
    validateString(path, "path");
    return path.length > 0 && path.charCodeAt(0) === SLASH;
  },

  join(...args) {
    if (args.length === 0) return ".";
    let joined;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, "path");
      if (arg.length > 0) joined = joined === undefined ? arg : `${joined}/${arg}`;
    }
    if (joined === undefined) return ".";
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, "from");
    validateString(to, "to");
    if (from === to) return "";
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return "";
    const fromStart = 1;
    const fromEnd = from.length;
    const fromLen = fromEnd - fromStart;
    const toStart = 1;
    const toLen = to.length - toStart;
    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const fromCode = from.charCodeAt(fromStart + i);
      if (fromCode !== to.charCodeAt(toStart + i)) break;
      else if (fromCode === SLASH) lastCommonSep = i;
    }
    if (i === length) {
      if (toLen > length) {
        if (to.charCodeAt(toStart + i) === SLASH) return to.slice(toStart + i + 1); // to is under from
        if (i === 0) return to.slice(toStart + i); // from is the root
      } else if (fromLen > length) {
        if (from.charCodeAt(fromStart + i) === SLASH)
          lastCommonSep = i; // from is under to
        else if (i === 0) lastCommonSep = 0; // to is the root
      }
    }
    let out = "";
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || from.charCodeAt(i) === SLASH) out += out.length === 0 ? ".." : "/..";
    }
    return `${out}${to.slice(toStart + lastCommonSep)}`;
  },

  toNamespacedPath(path) {
    return path; // no namespaces on POSIX
  },

  dirname(path) {
    validateString(path, "path");
    if (path.length === 0) return ".";
    const hasRoot = path.charCodeAt(0) === SLASH;
    let end = -1;
    let matchedSlash = true;
    for (let i = path.length - 1; i >= 1; --i) {
      if (path.charCodeAt(i) === SLASH) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) return hasRoot ? "/" : ".";
    if (hasRoot && end === 1) return "//";
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, "suffix");
    validateString(path, "path");
    return basenameFrom(path, suffix, 0, isPosixSep);
  },

  extname(path) {
    validateString(path, "path");
    const s = scanLastPart(path, 0, isPosixSep);
    return s.noExt ? "" : path.slice(s.startDot, s.end);
  },

  format: _format.bind(null, "/"),

  parse(path) {
    validateString(path, "path");
    const ret = { root: "", dir: "", base: "", ext: "", name: "" };
    if (path.length === 0) return ret;
    const isAbsolute = path.charCodeAt(0) === SLASH;
    if (isAbsolute) ret.root = "/";
    const s = scanLastPart(path, isAbsolute ? 1 : 0, isPosixSep, 0);
    const startPart = s.startPart;
    setNameParts(ret, path, s, startPart === 0 && isAbsolute ? 1 : startPart);
    if (startPart > 0) ret.dir = path.slice(0, startPart - 1);
    else if (isAbsolute) ret.dir = "/";
    return ret;
  },
};

/** The members after parse, in Node's key order. */
function finish(p, windows, sep, delimiter) {
  p.matchesGlob = function matchesGlob(path, pattern) {
    return globMatches(path, pattern, windows);
  };
  p.sep = sep;
  p.delimiter = delimiter;
  p.win32 = win32;
  p.posix = posix;
  p._makeLong = p.toNamespacedPath;
}
finish(win32, true, "\\", ";");
finish(posix, false, "/", ":");

// ---- matchesGlob (experimental in Node 20) --------------------------------------------

let globWarned = false;

/** Whether `path` matches a glob: `*`, `?`, `[…]`, `{a,b}` and `**` across segments. */
function globMatches(path, pattern, windows) {
  validateString(path, "path");
  validateString(pattern, "pattern");
  if (!globWarned) {
    globWarned = true;
    const w = new Error("glob is an experimental feature and might change at any time");
    w.name = "ExperimentalWarning";
    emitWarning(w);
  }
  const sepClass = windows ? "[\\\\/]" : "\\/";
  const notSep = windows ? "[^\\\\/]" : "[^/]";
  if (windows) {
    path = path.replace(/\\/g, "/");
    pattern = pattern.replace(/\\/g, "/");
  }
  let re = "";
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        const atStart = i === 0 || pattern[i - 1] === "/";
        const atEnd = i + 2 === pattern.length || pattern[i + 2] === "/";
        if (atStart && atEnd) {
          // `**/` matches any number of whole segments (none included)
          i += 2;
          re +=
            i < pattern.length
              ? `(?:(?!\\.)${notSep}*${sepClass})*`
              : `(?:(?!\\.)${notSep}*(?:${sepClass}|$))*`;
          continue;
        }
      }
      re += `${notSep}*`;
    } else if (c === "?") re += notSep;
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close < 0) re += "\\[";
      else {
        let body = pattern.slice(i + 1, close);
        if (body[0] === "!") body = "^" + body.slice(1);
        re += `[${body.replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else if (c === "{") {
      braces++;
      re += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      re += ")";
    } else if (c === "," && braces > 0) re += "|";
    else if (c === "/") re += sepClass;
    else re += c.replace(/[.+^$()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, windows ? "i" : "").test(path);
}

module.exports = posix;
