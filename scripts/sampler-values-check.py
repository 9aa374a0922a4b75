#!/usr/bin/env python3
# Usage: scripts/sampler-values-check.py SAMPLERLENS_JAR DIR_OF_IMAGES (images with an API prompt, read in place, never committed)
"""Independent check of per-sampler values: for every traced sampler, the values read straight from the
API prompt by a few fixed rules (written here without SamplerLens' tables) against SamplerLens' fields."""
import json, subprocess, sys, os, glob, struct, zlib
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pngtext import png_text
jar = sys.argv[1]; java = os.environ['JAVA_HOME'] + '/bin/java'

def prompt_of(p):
    t = png_text(p)
    if t is not None:
        return json.loads(t['prompt']) if 'prompt' in t else None
    r = subprocess.run(['exiftool', '-b', '-Model', p], capture_output=True)
    s = r.stdout.decode('utf8', 'replace')
    if s.startswith('prompt:'):
        try: return json.loads(s[7:])
        except Exception: return None
    return None

def lit(g, node, name, depth=0):
    """Literal value of an input, following links through nodes whose only widget-like input is that value."""
    v = node['inputs'].get(name)
    if isinstance(v, list) and len(v) == 2 and depth < 8:
        src = g.get(str(v[0]))
        if src is None: return None
        ins = src['inputs']
        for cand in (name, 'value', 'seed', 'noise_seed', 'int', 'float', 'string', 'text'):
            if cand in ins and not isinstance(ins[cand], list): return ins[cand]
        return None
    return v

def upstream(g, start_id, input_names, stop, want):
    """Breadth-first from start's named inputs; returns the first node for which want(node) holds, not crossing stop(node)."""
    start = g[start_id]; queue = []; seen = {start_id}
    for n in input_names:
        v = start['inputs'].get(n)
        if isinstance(v, list) and len(v) == 2: queue.append(str(v[0]))
    while queue:
        nid = queue.pop(0)
        if nid in seen or nid not in g: continue
        seen.add(nid); node = g[nid]
        if want(node): return nid, node
        if stop(node): continue
        for v in node['inputs'].values():
            if isinstance(v, list) and len(v) == 2: queue.append(str(v[0]))
    return None, None

SAMPLER_INPUTS = {'seed', 'noise_seed', 'steps', 'cfg', 'sampler_name', 'scheduler', 'denoise', 'sigmas', 'guider', 'noise'}
def is_sampler(n):
    ins = n['inputs']; return 'latent_image' in ins and ('positive' in ins or 'guider' in ins)

def expected(g, sid):
    n = g[sid]; ins = n['inputs']; e = {}
    seed = lit(g, n, 'seed') if 'seed' in ins else lit(g, n, 'noise_seed') if 'noise_seed' in ins else None
    if seed is None and isinstance(ins.get('noise'), list):
        seed = g[str(ins['noise'][0])]['inputs'].get('noise_seed')
    e['seed'] = seed
    steps = lit(g, n, 'steps') if 'steps' in ins else None
    if steps is None and isinstance(ins.get('sigmas'), list):
        sch = g[str(ins['sigmas'][0])]
        steps = sch['inputs'].get('steps') if not isinstance(sch['inputs'].get('steps'), list) else None
    e['steps'] = steps
    cfg = lit(g, n, 'cfg') if 'cfg' in ins else None
    if cfg is None and isinstance(ins.get('guider'), list):
        gd = g[str(ins['guider'][0])]; cfg = gd['inputs'].get('cfg') if not isinstance(gd['inputs'].get('cfg'), list) else None
    e['cfg'] = cfg
    sampler = lit(g, n, 'sampler_name') if 'sampler_name' in ins else None
    if sampler is None and isinstance(ins.get('sampler'), list):
        sampler = g[str(ins['sampler'][0])]['inputs'].get('sampler_name')
    e['sampler'] = sampler
    _, loader = upstream(g, sid, ['model'], is_sampler, lambda x: any(k in x['inputs'] and not isinstance(x['inputs'][k], list) for k in ('ckpt_name', 'unet_name')))
    if loader:
        m = loader['inputs'].get('ckpt_name') or loader['inputs'].get('unet_name')
        e['model'] = str(m).replace('\\', '/').split('/')[-1]
    pos_in = ['positive'] if 'positive' in ins else ['guider']
    _, enc = upstream(g, sid, pos_in, is_sampler, lambda x: isinstance(x['inputs'].get('text'), str))
    e['positive'] = enc['inputs']['text'] if enc else None
    return e

ok_files = 0; files = 0; checked = agree = 0; bad = []
for f in sorted(glob.glob(sys.argv[2] + '/*')):
    g = prompt_of(f)
    if not g: continue
    r = subprocess.run([java, '-jar', jar, 'inspect', f, '--json', '--max-samplers', '8', '--force-multi'], capture_output=True)
    if r.returncode: bad.append((os.path.basename(f), 'exit ' + str(r.returncode))); continue
    d = json.loads(r.stdout); files += 1; file_ok = True
    for s in d.get('samplers', []):
        if s['node_id'] not in g: continue
        e = expected(g, s['node_id']); fl = s.get('fields', {})
        for k, v in e.items():
            if v is None: continue
            if k == 'positive' and s.get('class_type') not in ('KSampler', 'KSamplerAdvanced', 'SamplerCustom', 'SamplerCustomAdvanced'): continue
            checked += 1; ours = fl.get(k)
            same = ours == v or (isinstance(v, (int, float)) and isinstance(ours, (int, float)) and abs(float(ours) - float(v)) < 1e-9) or str(ours) == str(v)
            if same: agree += 1
            else: file_ok = False; bad.append((os.path.basename(f), s['node_id'], k, str(v)[:60], str(ours)[:60]))
    params = d.get('parameters') or ''
    if 'End step: 10000' in params or ': ""' in params: file_ok = False; bad.append((os.path.basename(f), 'unresolved rendered'))
    ok_files += file_ok
print(f'files with a prompt: {files}; files whose every checked value agrees: {ok_files} ({100*ok_files/max(files,1):.1f}%); values agreeing: {agree}/{checked}')
for b in bad: print('  ', b)
