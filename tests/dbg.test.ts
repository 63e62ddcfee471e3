import { it } from 'vitest';
import { check, uzbekistan, azerbaijan } from './domain/rules/support';
it('dbg', () => { console.log(JSON.stringify(check(uzbekistan()).map(f=>[f.rule,f.ref,f.message]),null,1)); console.log(JSON.stringify(check(azerbaijan()).map(f=>[f.rule,f.ref,f.message]),null,1)); });
