#!/usr/bin/env python3
"""Writes a big UI workflow for the app's frame-time benchmark: COPIES copies of a real workflow
(default: kj's LongCat example, 129 nodes) stacked one above the other, ids, links and Set/Get
names made unique per copy. Only the size is synthetic; every node, link and widget is real.
Usage: scripts/make-big-workflow.py OUT [COPIES] [SOURCE]"""
import json
import sys

out = sys.argv[1]
copies = int(sys.argv[2]) if len(sys.argv) > 2 else 5
source = sys.argv[3] if len(sys.argv) > 3 else "src/test/resources/fixtures/workflows/ui/kj_LongCat_TI2V_example_01.json"
wf = json.load(open(source))
assert not (wf.get("definitions") or {}).get("subgraphs"), "subgraphs are not copied"
step = 10 ** len(str(max(wf["last_node_id"], wf["last_link_id"])))
ys = [n["pos"][1] if isinstance(n["pos"], list) else n["pos"]["1"] for n in wf["nodes"]]
height = max(ys) - min(ys) + 800

nodes, links = [], []
for k in range(copies):
    off = k * step
    for n in wf["nodes"]:
        m = json.loads(json.dumps(n))
        m["id"] = n["id"] + off
        pos = m["pos"]
        if isinstance(pos, list):
            pos[1] += k * height
        else:
            pos["1"] += k * height
        for i in m.get("inputs") or []:
            if i.get("link") is not None:
                i["link"] += off
        for o in m.get("outputs") or []:
            if o.get("links"):
                o["links"] = [l + off for l in o["links"]]
        # Set/Get pairs are matched by name: each copy gets its own names
        if m["type"] in ("SetNode", "GetNode") and m.get("widgets_values"):
            m["widgets_values"][0] = f"{m['widgets_values'][0]}_{k}"
        nodes.append(m)
    for l in wf["links"]:
        links.append([l[0] + off, l[1] + off, l[2], l[3] + off, l[4], l[5]])
wf["nodes"], wf["links"] = nodes, links
wf["last_node_id"] = (copies - 1) * step + wf["last_node_id"]
wf["last_link_id"] = (copies - 1) * step + wf["last_link_id"]
wf["groups"] = []
json.dump(wf, open(out, "w"))
print(f"{out}: {len(nodes)} nodes, {len(links)} links")
