/**
 * google.script.run for the real sidebar HTML outside Google: the same call chain, the same plain
 * JSON, sent to the playground server over HTTP. It refuses what google.script.run cannot carry (a
 * Date, a function, a class instance or DOM node, even nested) by calling the failure handler, so a
 * sidebar that works here works in Sheets; like google.script.run it turns undefined in arrays into
 * null and drops undefined properties.
 */
export const SHIM = `
(function () {
  function fail(what, path, hint) {
    return new Error('google.script.run cannot carry ' + what + ' (at ' + path + ')' + (hint ? ': ' + hint : '.'));
  }
  function plain(value, path, seen) {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return isFinite(value) ? value : null;
    if (value === undefined) return undefined;
    if (typeof value === 'function') throw fail('a function', path, 'send data, not code');
    if (typeof value !== 'object') throw fail('a ' + typeof value, path);
    if (Object.prototype.toString.call(value) === '[object Date]') throw fail('a Date', path, 'send days as YYYY-MM-DD text');
    if (typeof Node !== 'undefined' && value instanceof Node) throw fail('a DOM node', path, 'send the values of the form');
    if (seen.indexOf(value) >= 0) throw fail('an object that contains itself', path);
    seen = seen.concat([value]);
    if (Array.isArray(value)) {
      return value.map(function (item, i) {
        var out = plain(item, path + '[' + i + ']', seen);
        return out === undefined ? null : out;
      });
    }
    var proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      var name = value.constructor && value.constructor.name ? value.constructor.name : 'class';
      throw fail('an instance of ' + name, path, 'send plain objects');
    }
    var out = {};
    Object.keys(value).forEach(function (key) {
      var item = plain(value[key], path + '.' + key, seen);
      if (item !== undefined) out[key] = item;
    });
    return out;
  }
  function later(fn) { setTimeout(fn, 0); }
  function report(handler, error, userObject) {
    if (handler) handler(error, userObject);
    else console.error(error);
  }
  function invoke(name, args, success, failure, userObject) {
    var payload;
    try {
      payload = args.map(function (arg, i) { var out = plain(arg, name + ' argument ' + (i + 1), []); return out === undefined ? null : out; });
    } catch (error) {
      later(function () { report(failure, error, userObject); });
      return;
    }
    fetch('/rpc/' + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ args: payload })
    })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.ok) { if (success) success(answer.value, userObject); }
        else { var e = new Error(answer.error.message); e.name = answer.error.name || 'Error'; report(failure, e, userObject); }
      }, function (error) { report(failure, new Error('The playground server did not answer: ' + error.message), userObject); })
      .then(function () { if (window.parent !== window) window.parent.postMessage({ type: 'unmn:changed' }, '*'); });
  }
  function runner(success, failure, userObject) {
    var base = {
      withSuccessHandler: function (fn) { return runner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return runner(success, fn, userObject); },
      withUserObject: function (o) { return runner(success, failure, o); }
    };
    return new Proxy(base, {
      get: function (target, name) {
        if (name in target) return target[name];
        if (typeof name !== 'string' || name === 'then') return undefined;
        return function () { invoke(name, Array.prototype.slice.call(arguments), success, failure, userObject); };
      }
    });
  }
  window.google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        close: function () { if (window.parent !== window) window.parent.postMessage({ type: 'unmn:close' }, '*'); },
        setHeight: function () {},
        setWidth: function () {},
        editor: { focus: function () {} }
      }
    }
  };
})();
`;

/** The built sidebar with the shim loaded before anything else runs. */
export function withShim(html: string): string {
  const script = `<script>${SHIM}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return `${script}${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n${script}${html.slice(at)}`;
}
