#!/usr/bin/env python3
# Usage: scripts/anchor-compare.py SAMPLERLENS_JAR DIR_OF_ANCHOR_OUTPUTS
# The anchor outputs are the images SaveImageWithMetaDataUniversal wrote in its own repository's tests
# (xxmjskxx/ComfyUI_SaveImageWithMetaDataUniversal, tests/comfyui_cli_tests/Test/ and tests/_test_outputs/ over its history);
# they are read in place, never committed. Values that depend on the anchor node's own settings are counted apart.
"""Compares the parameters the anchor wrote in its own test outputs with what a SamplerLens jar writes from the same prompt."""
import json, subprocess, sys, struct, zlib, glob, os, re
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pngtext import png_text
jar = sys.argv[1]
java = os.environ.get('JAVA_HOME', '/usr/lib/jvm/temurin-25-jdk-amd64') + '/bin/java'

def own_params(p):
    t = png_text(p)
    if t is not None: return t.get('parameters')
    r = subprocess.run(['exiftool', '-b', '-UserComment', p], capture_output=True)
    return r.stdout.decode('utf8', 'replace') or None

def keys(line):
    m = {}; i = 0
    while i < len(line):
        c = line.find(': ', i)
        if c < 0: break
        k = line[i:c]; s = c + 2
        if line.startswith('{', s): e = line.find('}', s) + 1
        elif line.startswith('"', s): e = line.find('"', s + 1) + 1
        else:
            e = line.find(', ', s); e = len(line) if e < 0 else e
        m[k] = line[s:e]; i = e + 2
    return m

def split(text):
    lines = text.replace('\r\n', '\n').split('\n')
    # the last line holds the keys; the line starting "Negative prompt:" before it
    neg_i = max((i for i, l in enumerate(lines) if l.startswith('Negative prompt:')), default=None)
    last = lines[-1]
    pos = '\n'.join(lines[:neg_i]) if neg_i is not None else '\n'.join(lines[:-1])
    neg = lines[neg_i][len('Negative prompt: '):] if neg_i is not None else None
    return pos, neg, keys(last)

SETTING_KEYS = {'CFG scale', 'Guidance', 'Sampler', 'LoRAs', 'Lora hashes'}
setting_tot = [0]; setting_eq = [0]; tot = eq = 0; prompts = 0; files = 0; setting_diff = 0; per = []
for f in sorted(glob.glob(sys.argv[2] + '/*')):
    if f.endswith('.txt'): continue
    own = own_params(f)
    if not own: continue
    prompt_graph = None
    pt = png_text(f)
    if pt and 'prompt' in pt: prompt_graph = json.loads(pt['prompt'])
    else:
        r2 = subprocess.run(['exiftool', '-b', '-Model', f], capture_output=True)
        try: prompt_graph = json.loads(r2.stdout.decode().split(':', 1)[1]) if r2.stdout.startswith(b'prompt:') else None
        except Exception: prompt_graph = None
    # the anchor node that wrote this file: the one whose filename_prefix names it (a graph may have several)
    save_id = None; save = {}
    base = os.path.basename(f).split('_', 1)[1].lower()
    for nid, n in (prompt_graph or {}).items():
        if n.get('class_type') == 'SaveImageWithMetaDataUniversal':
            pre = re.split(r'[\\/]', str(n['inputs'].get('filename_prefix', '')))[-1].lower()
            if save_id is None or (pre and base.startswith(pre)): save_id, save = nid, n['inputs']
    cmd = [java, '-jar', jar, 'inspect', f, '--json'] + (['--save-node', save_id] if save_id else [])
    r = subprocess.run(cmd, capture_output=True)
    if r.returncode: print('FAILED', f, r.stderr.decode()[:200]); continue
    d = json.loads(r.stdout)
    ours = d.get('parameters')
    if not ours: continue
    files += 1
    p1, n1, k1 = split(own); p2, n2, k2 = split(ours)
    prompts += (p1.strip() == p2.strip())
    diffs = []
    def setting_dependent(k, a, b):
        if save.get('sampler_selection_method', 'Farthest') != 'Farthest': return 'selection ' + str(save.get('sampler_selection_method'))
        if k == 'CFG scale' and save.get('guidance_as_cfg'): return 'guidance_as_cfg'
        if k == 'Sampler' and save.get('civitai_sampler'): return 'civitai_sampler'
        if k in ('LoRAs', 'Lora hashes') and save.get('include_lora_summary'): return 'include_lora_summary'
        if b is None and isinstance(save.get('extra_metadata'), list): return 'extra_metadata'
        return None
    for k, v in k1.items():
        if k == 'Metadata generator version': continue
        why = setting_dependent(k, v, k2.get(k))
        if why:
            setting_tot[0] += 1
            if k2.get(k) == v: setting_eq[0] += 1
            else: diffs.append((k + ' [' + why + ']', v, k2.get(k)))
            continue
        tot += 1
        if k2.get(k) == v: eq += 1
        else: diffs.append((k, v, k2.get(k)))
    extra = [k for k in k2 if k not in k1 and k != 'Metadata generator version']
    per.append((os.path.basename(f), diffs, extra))
print(f'files {files}, positive prompt equal {prompts}/{files}, values equal {eq}/{tot} = {100*eq/max(tot,1):.1f}% (values that depend on no anchor-node setting); setting-dependent values equal {setting_eq[0]}/{setting_tot[0]}; all {eq+setting_eq[0]}/{tot+setting_tot[0]} = {100*(eq+setting_eq[0])/max(tot+setting_tot[0],1):.1f}%')
for name, diffs, extra in per:
    if diffs or extra:
        print('--', name)
        for k, a, b in diffs: print(f'   {k}: anchor={a[:70]!r} ours={None if b is None else b[:70]!r}')
        if extra: print('   extra keys:', extra)
